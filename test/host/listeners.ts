/**
 * Counts DOM event listeners that are currently registered, so tests can prove that unloading the
 * plugin removes every listener it added (on window, document and elements still in the page).
 */
interface Entry { target: EventTarget; type: string; listener: EventListenerOrEventListenerObject; capture: boolean }

const live = new Set<Entry>();
let installed = false;

function capture(options: boolean | EventListenerOptions | undefined): boolean {
	return typeof options === "boolean" ? options : Boolean(options?.capture);
}

export function trackListeners(): void {
	if (installed) return;
	installed = true;
	const proto = EventTarget.prototype;
	const add = Reflect.get<EventTarget, "addEventListener">(proto, "addEventListener");
	const remove = Reflect.get<EventTarget, "removeEventListener">(proto, "removeEventListener");
	proto.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
		if (listener) {
			const c = capture(options);
			const exists = [...live].some((e) => e.target === this && e.type === type && e.listener === listener && e.capture === c);
			if (!exists) live.add({ target: this, type, listener, capture: c });
		}
		add.call(this, type, listener, options);
	};
	proto.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
		const c = capture(options);
		for (const e of live) if (e.target === this && e.type === type && e.listener === listener && e.capture === c) live.delete(e);
		remove.call(this, type, listener, options);
	};
}

/** Listeners on window, document, or elements still attached to the page; `exclude` filters the host's own. */
export function listenerCount(exclude: (target: EventTarget) => boolean = () => false): number {
	let n = 0;
	for (const e of live) {
		const t = e.target;
		const attached = t === window || t === document || (t instanceof Node && t.isConnected);
		if (attached && !exclude(t)) n++;
	}
	return n;
}
