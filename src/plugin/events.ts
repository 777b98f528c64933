/** The plugin's private, typed event bus (not the workspace's): one debounced "refresh" drives live blocks. */
import { Events, type EventRef } from "obsidian";

/** What changed since the last refresh. */
export interface RefreshReason {
	settings: boolean;
	catalog: boolean;
	index: boolean;
}

export interface IndexProgress {
	done: number;
	total: number;
	finished: boolean;
}

export class GpuFitEvents extends Events {
	override on(name: "refresh", callback: (reason: RefreshReason) => void, ctx?: unknown): EventRef;
	override on(name: "index-progress", callback: (progress: IndexProgress) => void, ctx?: unknown): EventRef;
	override on(name: string, callback: (...data: never[]) => void, ctx?: unknown): EventRef {
		return super.on(name, callback as (...data: unknown[]) => unknown, ctx);
	}

	override trigger(name: "refresh", reason: RefreshReason): void;
	override trigger(name: "index-progress", progress: IndexProgress): void;
	override trigger(name: string, ...data: unknown[]): void {
		super.trigger(name, ...data);
	}
}
