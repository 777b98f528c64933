/**
 * The `events` module for the graph code in main.js (esbuild aliases `events` here for the plugin bundle): the
 * EventEmitter methods sigma@3 and LiteGraph call (on, once, off/removeListener, emit, removeAllListeners,
 * listeners, setMaxListeners), instead of Node's full emitter polyfill (6 KB).
 */
type Listener = (...args: never[]) => unknown;

export class EventEmitter {
	private listenersByName: Map<string | symbol, Listener[]> | undefined;

	private table(): Map<string | symbol, Listener[]> {
		if (this.listenersByName === undefined) this.listenersByName = new Map<string | symbol, Listener[]>();
		return this.listenersByName;
	}

	on(name: string | symbol, listener: Listener): this {
		const list = this.table().get(name);
		if (list) list.push(listener);
		else this.table().set(name, [listener]);
		return this;
	}

	addListener(name: string | symbol, listener: Listener): this {
		return this.on(name, listener);
	}

	once(name: string | symbol, listener: Listener): this {
		const wrapped = (...args: never[]): unknown => {
			this.removeListener(name, wrapped);
			return listener(...args);
		};
		return this.on(name, wrapped);
	}

	removeListener(name: string | symbol, listener: Listener): this {
		const list = this.listenersByName?.get(name);
		if (!list) return this;
		const at = list.lastIndexOf(listener);
		if (at >= 0) list.splice(at, 1);
		if (list.length === 0) this.listenersByName?.delete(name);
		return this;
	}

	off(name: string | symbol, listener: Listener): this {
		return this.removeListener(name, listener);
	}

	removeAllListeners(name?: string | symbol): this {
		if (name === undefined) this.listenersByName?.clear();
		else this.listenersByName?.delete(name);
		return this;
	}

	/** A snapshot: listeners added or removed while emitting take effect next time (as in Node). */
	emit(name: string | symbol, ...args: unknown[]): boolean {
		const list = this.listenersByName?.get(name);
		if (!list || list.length === 0) return false;
		for (const l of [...list]) (l as (...a: unknown[]) => unknown).apply(this, args);
		return true;
	}

	listeners(name: string | symbol): Listener[] {
		return [...(this.listenersByName?.get(name) ?? [])];
	}

	listenerCount(name: string | symbol): number {
		return this.listenersByName?.get(name)?.length ?? 0;
	}

	setMaxListeners(): this {
		return this;
	}
}

export default EventEmitter;
