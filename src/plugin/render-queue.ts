/**
 * Spreads block renders over time slices so a note with hundreds of blocks never holds the page for long: a render
 * runs at once while the current task has budget left, otherwise it waits for a later slice (one task each, so the
 * browser paints and handles input in between). FIFO, so the top of a note fills in first; one pending render per
 * block (a newer request replaces the older one).
 */

export interface Clock {
	now(): number;
	/** Run `fn` in a later task; returns a cancel function. */
	later(fn: () => void): () => void;
}

/**
 * A later task without setTimeout's 4 ms clamp on nested timers (which would idle a third of every slice cycle):
 * a MessageChannel message is a task of its own, so the browser still paints and handles input between two.
 */
function laterTask(): (fn: () => void) => () => void {
	if (typeof MessageChannel === "undefined") {
		return (fn) => {
			const id = window.setTimeout(fn, 0);
			return () => window.clearTimeout(id);
		};
	}
	const channel = new MessageChannel();
	const queue: { fn: () => void; live: boolean }[] = [];
	channel.port1.onmessage = () => {
		const next = queue.shift();
		if (next?.live) next.fn();
	};
	return (fn) => {
		const entry = { fn, live: true };
		queue.push(entry);
		channel.port2.postMessage(null);
		return () => {
			entry.live = false;
		};
	};
}

export function browserClock(): Clock {
	return { now: () => performance.now(), later: laterTask() };
}

/** Work per queued slice: leaves half a 60 Hz frame for layout and paint of what was just rendered. */
export const SLICE_BUDGET_MS = 8;

/**
 * Inline work allowed in the task that asks for renders (opening a note, a refresh): enough for a screenful of blocks
 * to appear with the note instead of placeholders, still under the 50 ms a browser counts as a long task.
 */
export const INLINE_BUDGET_MS = 40;

export class RenderQueue {
	private readonly pending = new Map<object, () => void>();
	/** Blocks on or near the screen render before the rest (a note reopened mid-way fills in where the user is). */
	private readonly near = new WeakSet<object>();
	private readonly owners = new WeakMap<Element, object>();
	private observer: IntersectionObserver | undefined;
	/** Start of the current burst of synchronous work (one task), or undefined between tasks. */
	private burstStart: number | undefined;
	private cancelBurstEnd: (() => void) | undefined;
	private cancelFlush: (() => void) | undefined;
	/** Slices run so far and the longest one, for the bench and tests. */
	slices = 0;
	longestSliceMs = 0;

	constructor(
		private readonly clock: Clock = browserClock(),
		private readonly budgetMs = SLICE_BUDGET_MS,
		private readonly inlineBudgetMs = INLINE_BUDGET_MS,
	) {}

	/** Render for `owner` now if the current task has budget and nothing is waiting; else queue it. True = ran now. */
	request(owner: object, job: () => void): boolean {
		this.pending.delete(owner);
		if (this.pending.size === 0 && this.hasBudget()) {
			job();
			return true;
		}
		this.pending.set(owner, job);
		this.schedule();
		return false;
	}

	/** Follow whether `el` (the owner's block) is within a screen of the viewport, to render it first. */
	watch(owner: object, el: Element): void {
		if (typeof IntersectionObserver === "undefined") return;
		this.observer ??= new IntersectionObserver((entries) => {
			for (const e of entries) {
				const o = this.owners.get(e.target);
				if (!o) continue;
				if (e.isIntersecting) this.near.add(o);
				else this.near.delete(o);
			}
		}, { rootMargin: "100% 0px" });
		this.owners.set(el, owner);
		this.observer.observe(el);
	}

	unwatch(el: Element): void {
		this.observer?.unobserve(el);
		this.owners.delete(el);
	}

	/** A render is already waiting for `owner`. */
	has(owner: object): boolean {
		return this.pending.has(owner);
	}

	cancel(owner: object): void {
		this.pending.delete(owner);
	}

	get size(): number {
		return this.pending.size;
	}

	/** Drop everything (plugin unload). */
	clear(): void {
		this.pending.clear();
		this.observer?.disconnect();
		this.observer = undefined;
		this.cancelFlush?.();
		this.cancelFlush = undefined;
		this.cancelBurstEnd?.();
		this.cancelBurstEnd = undefined;
		this.burstStart = undefined;
	}

	private hasBudget(): boolean {
		const now = this.clock.now();
		if (this.burstStart === undefined) {
			this.burstStart = now;
			this.cancelBurstEnd = this.clock.later(() => {
				this.burstStart = undefined;
				this.cancelBurstEnd = undefined;
			});
		}
		return now - this.burstStart < this.inlineBudgetMs;
	}

	private schedule(): void {
		if (this.cancelFlush) return;
		this.cancelFlush = this.clock.later(() => {
			this.cancelFlush = undefined;
			this.flush();
		});
	}

	/**
	 * One slice: run queued renders until the budget is spent (at least one, so the queue always drains), those near
	 * the screen first, then in document order.
	 */
	private flush(): void {
		const start = this.clock.now();
		this.slices++;
		const order = [...this.pending.keys()];
		const near = order.filter((o) => this.near.has(o));
		for (const owner of near.length > 0 ? [...near, ...order.filter((o) => !this.near.has(o))] : order) {
			const job = this.pending.get(owner);
			if (!job) continue;
			this.pending.delete(owner);
			try {
				job();
			} catch (e) {
				console.error("GPU Fit: block render failed", e);
			}
			if (this.clock.now() - start >= this.budgetMs) break;
		}
		this.longestSliceMs = Math.max(this.longestSliceMs, this.clock.now() - start);
		if (this.pending.size > 0) this.schedule();
	}
}
