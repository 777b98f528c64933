/** The block render queue: work in bounded slices, FIFO, one pending render per block, nothing after clear(). */
import { describe, expect, it } from "vitest";
import { type Clock, RenderQueue } from "../../src/plugin/render-queue";

/** A clock whose time moves only when a job says it took time, and whose "later" tasks run when asked. */
function fakeClock() {
	let t = 0;
	let tasks: { fn: () => void; live: boolean }[] = [];
	const clock: Clock = {
		now: () => t,
		later: (fn) => {
			const task = { fn, live: true };
			tasks.push(task);
			return () => {
				task.live = false;
			};
		},
	};
	return {
		clock,
		spend: (ms: number) => {
			t += ms;
		},
		/** Run the tasks queued so far (one event-loop turn); returns how many ran. */
		turn: () => {
			const now = tasks;
			tasks = [];
			let n = 0;
			for (const task of now) if (task.live) {
				task.fn();
				n++;
			}
			return n;
		},
		get waiting() {
			return tasks.filter((x) => x.live).length;
		},
	};
}

describe("render queue", () => {
	it("runs at once while the task has budget, then queues; slices stay within the budget", () => {
		const f = fakeClock();
		const q = new RenderQueue(f.clock, 8, 8);
		const ran: number[] = [];
		const owners = Array.from({ length: 20 }, () => ({}));
		const now = owners.map((o, i) => q.request(o, () => {
			ran.push(i);
			f.spend(3);
		}));
		// 0 ms, 3 ms and 6 ms are under 8: three run inline, the rest wait in order.
		expect(now.filter(Boolean).length).toBe(3);
		expect(ran).toEqual([0, 1, 2]);
		expect(q.size).toBe(17);
		let turns = 0;
		while (q.size > 0 && turns < 50) {
			f.turn();
			turns++;
		}
		expect(ran).toEqual(owners.map((_, i) => i));
		expect(q.longestSliceMs).toBeLessThanOrEqual(9);
		expect(q.slices).toBeGreaterThanOrEqual(6);
	});

	it("a newer request replaces the pending one; a cancelled block never renders", () => {
		const f = fakeClock();
		const q = new RenderQueue(f.clock, 8, 8);
		const a = {};
		const b = {};
		const log: string[] = [];
		q.request({}, () => f.spend(10)); // spends the inline budget
		q.request(a, () => log.push("a1"));
		q.request(b, () => log.push("b"));
		q.request(a, () => log.push("a2"));
		expect(q.has(a)).toBe(true);
		q.cancel(b);
		f.turn();
		f.turn();
		expect(log).toEqual(["a2"]);
	});

	it("always makes progress: a job longer than the budget still runs, one per slice", () => {
		const f = fakeClock();
		const q = new RenderQueue(f.clock, 8, 8);
		const log: number[] = [];
		for (let i = 0; i < 3; i++) q.request({}, () => {
			log.push(i);
			f.spend(50);
		});
		expect(log).toEqual([0]);
		f.turn();
		expect(log).toEqual([0, 1]);
		f.turn();
		expect(log).toEqual([0, 1, 2]);
	});

	it("a failing job is reported and the rest still run", () => {
		const f = fakeClock();
		const q = new RenderQueue(f.clock, 8, 8);
		const log: string[] = [];
		q.request({}, () => f.spend(9));
		q.request({}, () => {
			throw new Error("boom");
		});
		q.request({}, () => log.push("after"));
		const original = console.error;
		console.error = () => undefined;
		try {
			f.turn();
			f.turn();
		} finally {
			console.error = original;
		}
		expect(log).toEqual(["after"]);
	});

	it("clear() drops pending work and scheduled slices", () => {
		const f = fakeClock();
		const q = new RenderQueue(f.clock, 8, 8);
		const log: string[] = [];
		q.request({}, () => f.spend(9));
		q.request({}, () => log.push("never"));
		q.clear();
		expect(q.size).toBe(0);
		f.turn();
		f.turn();
		expect(log).toEqual([]);
	});
});

describe("render queue budgets", () => {
	it("the asking task may render inline longer than a queued slice", () => {
		const f = fakeClock();
		const q = new RenderQueue(f.clock, 8, 40);
		let inline = 0;
		for (let i = 0; i < 30; i++) if (q.request({}, () => f.spend(3))) inline++;
		// 0, 3, …, 39 ms: 14 start under 40 ms.
		expect(inline).toBe(14);
		f.turn(); // ends the asking task's burst
		const before = q.size;
		f.turn();
		expect(before - q.size).toBe(3);
	});
});
