/**
 * `gpufit` CLI entry: dispatches subcommands. Bad arguments print a message and exit 2, never a stack trace.
 */
import { ADVISE_USAGE, runAdviseCommand } from "./advise-command";
import { UsageError } from "./args";
import { LIST_USAGE, runListCommand, runSupportCommand, SUPPORT_USAGE } from "./catalog-command";
import { FIT_USAGE, runFitCommand } from "./fit-command";
import type { Io } from "./io";

const USAGE = `gpufit: LLM fit, speed and format support for your GPUs.

${FIT_USAGE}
${SUPPORT_USAGE}
${LIST_USAGE}
usage: gpufit graph VAULT_DIR [--json]
${ADVISE_USAGE}
`;

export async function main(argv: string[], io: Io): Promise<number> {
	const [command, ...rest] = argv;
	try {
		switch (command) {
			case "fit":
				return runFitCommand(rest, io);
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
			case "help":
			case "--help":
			case "-h":
				io.stdout(USAGE);
				return command === undefined ? 2 : 0;
			default:
				io.stderr(`gpufit: unknown command "${command}"\n${USAGE}`);
				return 2;
		}
	} catch (e) {
		if (e instanceof UsageError) {
			io.stderr(`gpufit: ${e.message}\n${command === "fit" ? FIT_USAGE : command === "advise" ? ADVISE_USAGE : USAGE}\n`);
			return 2;
		}
		io.stderr(`gpufit: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
		return 1;
	}
}

if (require.main === module) {
	void main(process.argv.slice(2), {
		stdout: (s) => process.stdout.write(s),
		stderr: (s) => process.stderr.write(s),
	}).then((code) => {
		process.exitCode = code;
	});
}
