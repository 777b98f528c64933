/**
 * ForceAtlas2 off the UI thread. The worker is graphology-layout-forceatlas2's own (one iteration per message, built
 * from a Blob so it runs from a single main.js, on mobile too); this supervisor feeds it flat arrays built from the
 * drawn graph, watches how far nodes still move, and stops once the layout has settled or its budget is spent.
 * Nodes marked fixed stay put (new nodes settle among placed ones without moving them).
 */
import fa2Worker from "graphology-layout-forceatlas2/webworker.js";

/** Floats per node and per edge in the worker's matrices (the library's layout). */
const PPN = 10;
const PPE = 3;

export interface LayoutInput {
	/** Initial positions, x and y interleaved. */
	xy: Float32Array;
	/** Node sizes (for mass and for adjustSizes). */
	sizes: Float32Array;
	/** Node indexes that must not move. */
	fixed?: Uint8Array;
	/** Edge ends as node indexes, interleaved source/target. */
	edges: Uint32Array;
	/** Per edge weight (attraction); 1 when absent. */
	weights?: Float32Array;
}

export interface LayoutProgress {
	iterations: number;
	/** Mean movement in the last iteration, relative to the layout's spread. */
	movement: number;
	elapsedMs: number;
	converged: boolean;
	done: boolean;
}

export interface LayoutOptions {
	maxIterations?: number;
	maxMs?: number;
	/** Relative mean movement under which the layout counts as settled (held for a few iterations). */
	settleBelow?: number;
}

/** ForceAtlas2 settings for a graph of n nodes (graphology's inferSettings, with a gentler gravity for many components). */
export function fa2Settings(n: number): Record<string, number | boolean> {
	return {
		linLogMode: false,
		outboundAttractionDistribution: false,
		adjustSizes: false,
		edgeWeightInfluence: 1,
		scalingRatio: 10,
		strongGravityMode: true,
		gravity: 0.05,
		slowDown: 1 + Math.log(Math.max(1, n)),
		barnesHutOptimize: n > 2000,
		barnesHutTheta: 0.5,
	};
}

/**
 * Default iteration budget: small graphs settle in hundreds of iterations; large ones need more (300 left a 20k-node
 * graph unsettled) and cost ~0.25 s each on a slow CPU, so the wall-clock budget below is what usually ends them.
 */
export function defaultMaxIterations(n: number): number {
	return n <= 1000 ? 800 : n <= 5000 ? 500 : 1500;
}

/**
 * Wall-clock budget: the worker never blocks the UI, and a first layout is paid once (positions are cached after),
 * so large graphs get minutes; it stops earlier once settled.
 */
export function defaultMaxMs(n: number): number {
	return n <= 1000 ? 30_000 : n <= 5000 ? 120_000 : 300_000;
}

export class LayoutRunner {
	private worker: Worker | undefined;
	/** Positions after the last iteration, to measure movement. */
	private lastXY: Float32Array | undefined;
	private running = false;
	private started = 0;
	private iterations = 0;
	private calm = 0;
	private settings: Record<string, number | boolean> = {};
	private options: Required<LayoutOptions> = { maxIterations: 500, maxMs: 120_000, settleBelow: 0.0015 };

	/**
	 * `onTick` gets the positions (x, y interleaved, in input order) after each iteration (its own copy).
	 */
	constructor(private readonly onTick: (xy: Float32Array, progress: LayoutProgress) => void) {}

	get isRunning(): boolean {
		return this.running;
	}

	start(input: LayoutInput, options: LayoutOptions = {}): void {
		this.stop();
		const n = input.sizes.length;
		if (n === 0) return;
		this.options = { maxIterations: options.maxIterations ?? defaultMaxIterations(n), maxMs: options.maxMs ?? defaultMaxMs(n), settleBelow: options.settleBelow ?? 0.0015 };
		this.settings = fa2Settings(n);
		const nodes = new Float32Array(n * PPN);
		for (let i = 0, j = 0; i < n; i++, j += PPN) {
			nodes[j] = input.xy[2 * i] as number;
			nodes[j + 1] = input.xy[2 * i + 1] as number;
			nodes[j + 6] = 1; // mass: 1 + weighted degree, below
			nodes[j + 7] = 1; // convergence
			nodes[j + 8] = input.sizes[i] ?? 1;
			nodes[j + 9] = input.fixed?.[i] ? 1 : 0;
		}
		const m = input.edges.length / 2;
		const edges = new Float32Array(m * PPE);
		for (let e = 0; e < m; e++) {
			const s = input.edges[2 * e] as number;
			const t = input.edges[2 * e + 1] as number;
			const w = input.weights?.[e] ?? 1;
			// The worker addresses nodes by their offset in the node matrix.
			edges[e * PPE] = s * PPN;
			edges[e * PPE + 1] = t * PPN;
			edges[e * PPE + 2] = w;
			nodes[s * PPN + 6] = (nodes[s * PPN + 6] as number) + w;
			nodes[t * PPN + 6] = (nodes[t * PPN + 6] as number) + w;
		}
		this.worker ??= createWorker();
		this.worker.onmessage = (evt: MessageEvent<{ nodes: ArrayBuffer }>) => this.handle(evt.data.nodes);
		this.lastXY = Float32Array.from(input.xy);
		this.running = true;
		this.started = performance.now();
		this.iterations = 0;
		this.calm = 0;
		this.worker.postMessage({ settings: this.settings, nodes: nodes.buffer, edges: edges.buffer }, [nodes.buffer, edges.buffer]);
	}

	private handle(buffer: ArrayBuffer): void {
		if (!this.running) return;
		const next = new Float32Array(buffer);
		const prev = this.lastXY;
		const n = next.length / PPN;
		// How far nodes moved, relative to how spread out they are.
		let moved = 0;
		let sx = 0;
		let sy = 0;
		let sxx = 0;
		let syy = 0;
		const xy = new Float32Array(2 * n);
		for (let i = 0, j = 0; i < n; i++, j += PPN) {
			const x = next[j] as number;
			const y = next[j + 1] as number;
			xy[2 * i] = x;
			xy[2 * i + 1] = y;
			sx += x; sy += y; sxx += x * x; syy += y * y;
			if (prev) moved += Math.hypot(x - (prev[2 * i] as number), y - (prev[2 * i + 1] as number));
		}
		const spread = Math.sqrt(Math.max(1e-9, (sxx - (sx * sx) / n + syy - (sy * sy) / n) / n));
		const movement = moved / n / spread;
		this.iterations++;
		this.calm = movement < this.options.settleBelow ? this.calm + 1 : 0;
		const elapsedMs = performance.now() - this.started;
		const converged = this.calm >= 5;
		const done = converged || this.iterations >= this.options.maxIterations || elapsedMs >= this.options.maxMs;
		this.lastXY = xy;
		if (done) this.running = false;
		this.onTick(xy, { iterations: this.iterations, movement, elapsedMs, converged, done });
		if (done || !this.running) return;
		this.worker?.postMessage({ settings: this.settings, nodes: next.buffer }, [next.buffer]);
	}

	stop(): void {
		this.running = false;
	}

	/** Stop and end the worker (the view closed). */
	kill(): void {
		this.running = false;
		this.worker?.terminate();
		this.worker = undefined;
		this.lastXY = undefined;
	}
}

/** The library's worker function as a Blob worker (no separate file to ship). */
function createWorker(): Worker {
	const code = `(${fa2Worker.toString()}).call(this);`;
	const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
	try {
		return new Worker(url);
	} finally {
		URL.revokeObjectURL(url);
	}
}
