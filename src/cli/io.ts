/** Where CLI commands write: injected so tests capture output without spawning a process. */
export interface Io {
	stdout: (s: string) => void;
	stderr: (s: string) => void;
}
