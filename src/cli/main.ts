/**
 * `gpufit` CLI entry: dispatches subcommands. Bad arguments print one line on stderr and exit 2, never a stack
 * trace; no arguments print the usage on stderr (exit 2); `help` prints it on stdout (exit 0). A closed pipe
 * (`gpufit ... | head`) ends the process quietly.
 */
import { ADVISE_USAGE, runAdviseCommand } from "./advise-command";
import { UsageError } from "./args";
import { LIST_USAGE, runListCommand, runSupportCommand, SUPPORT_USAGE } from "./catalog-command";
import { fitUsage, runFitCommand } from "./fit-command";
import type { Io } from "./io";
import { TEXT_WIDTH, wrap } from "./text";

const GRAPH_USAGE = "usage: gpufit graph VAULT_DIR [--json]";

function usage(): string {
	return [
		"gpufit: LLM fit, speed and format support for your GPUs.",
		"",
		wrap(fitUsage(), TEXT_WIDTH, 6),
		wrap(SUPPORT_USAGE, TEXT_WIDTH, 6),
		wrap(LIST_USAGE, TEXT_WIDTH, 6),
		GRAPH_USAGE,
		ADVISE_USAGE,
		"",
		"`gpufit COMMAND --help` describes a command's options.",
		"",
	].join("\n");
}

export async function main(argv: string[], io: Io): Promise<number> {
	const [command, ...rest] = argv;
	try {
		switch (command) {
			case "fit":
				return await runFitCommand(rest, io);
			case "list":
				return runListCommand(rest, io);
			case "support":
				return runSupportCommand(rest, io);
			case "advise":
				return await runAdviseCommand(rest, io);
			case "graph": {
				const { runGraphCommand } = await import("./graph-command");
				return runGraphCommand(rest, io);
			}
			case undefined:
				io.stderr(usage());
				return 2;
			case "help":
			case "--help":
			case "-h":
				io.stdout(usage());
				return 0;
			default:
				io.stderr(`gpufit: unknown command "${command.slice(0, 40)}"; commands: fit, support, list, graph (gpufit --help)\n`);
				return 2;
		}
	} catch (e) {
		if (e instanceof UsageError) {
			io.stderr(`gpufit ${command ?? ""}: ${oneLine(e.message).replace(/\.$/, "")} (see gpufit ${command ?? ""} --help)\n`);
			return 2;
		}
		io.stderr(`gpufit: internal error: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
		return 1;
	}
}

/** Messages stay one line and bounded, whatever they echo. */
function oneLine(s: string): string {
	const flat = s.replace(/\s*\n\s*/g, " ");
	return flat.length > 1000 ? `${flat.slice(0, 999)}…` : flat;
}

/** Exit quietly when the reader of stdout has gone (`| head`): nothing more can be written, nothing is wrong. */
function quietOnClosedPipe(stream: NodeJS.WriteStream, exit: (code: number) => void): void {
	stream.on("error", (e: NodeJS.ErrnoException) => {
		if (e.code === "EPIPE") exit(0);
		else throw e;
	});
}

if (require.main === module) {
	quietOnClosedPipe(process.stdout, (code) => process.exit(code));
	void main(process.argv.slice(2), {
		stdout: (s) => process.stdout.write(s),
		stderr: (s) => process.stderr.write(s),
	}).then((code) => {
		process.exitCode = code;
	});
}
