/**
 * The drawing's graph for sigma: the part of graphology's API and events that sigma@3 and the canvas use, for a
 * directed multigraph with string keys. graphology itself is ~60 KB of main.js for features the view never touches
 * (undirected and mixed graphs, attribute getters/setters by name, iterators, serialization); this is a few hundred
 * lines' worth. Events and payloads follow graphology's, which is what sigma listens to.
 */
import { EventEmitter } from "events";

interface EdgeRecord<E> {
	source: string;
	target: string;
	attributes: E;
}

type EdgeCallback<N, E> = (edge: string, attributes: E, source: string, target: string, sourceAttributes: N, targetAttributes: N, undirected: boolean) => void;

export class LiteGraph<N extends object, E extends object> extends EventEmitter {
	/** graphology's shape flags (sigma checks them through graphology-utils' isGraph). */
	readonly multi = true;
	readonly type = "directed";
	private readonly nodeMap = new Map<string, N>();
	private readonly edgeMap = new Map<string, EdgeRecord<E>>();
	/** Node → keys of its edges, either direction. */
	private readonly incident = new Map<string, Set<string>>();

	get order(): number {
		return this.nodeMap.size;
	}

	get size(): number {
		return this.edgeMap.size;
	}

	hasNode(key: string): boolean {
		return this.nodeMap.has(key);
	}

	hasEdge(key: string): boolean {
		return this.edgeMap.has(key);
	}

	addNode(key: string, attributes: N): string {
		if (this.nodeMap.has(key)) throw new Error(`LiteGraph.addNode: "${key}" exists`);
		this.nodeMap.set(key, attributes);
		this.incident.set(key, new Set());
		this.emit("nodeAdded", { key, attributes });
		return key;
	}

	addDirectedEdgeWithKey(key: string, source: string, target: string, attributes: E): string {
		if (this.edgeMap.has(key)) throw new Error(`LiteGraph.addDirectedEdgeWithKey: "${key}" exists`);
		const s = this.incident.get(source);
		const t = this.incident.get(target);
		if (!s || !t) throw new Error(`LiteGraph.addDirectedEdgeWithKey: an end of "${key}" is missing`);
		this.edgeMap.set(key, { source, target, attributes });
		s.add(key);
		t.add(key);
		this.emit("edgeAdded", { key, source, target, attributes, undirected: false });
		return key;
	}

	/** Present for graphology-utils' isGraph check; the drawing is directed only. */
	addUndirectedEdgeWithKey(): never {
		throw new Error("LiteGraph is directed");
	}

	dropEdge(key: string): void {
		const e = this.edgeMap.get(key);
		if (!e) throw new Error(`LiteGraph.dropEdge: no "${key}"`);
		this.edgeMap.delete(key);
		this.incident.get(e.source)?.delete(key);
		this.incident.get(e.target)?.delete(key);
		this.emit("edgeDropped", { key, attributes: e.attributes, source: e.source, target: e.target, undirected: false });
	}

	dropNode(key: string): void {
		const attributes = this.nodeMap.get(key);
		if (attributes === undefined) throw new Error(`LiteGraph.dropNode: no "${key}"`);
		for (const e of [...(this.incident.get(key) ?? [])]) this.dropEdge(e);
		this.incident.delete(key);
		this.nodeMap.delete(key);
		this.emit("nodeDropped", { key, attributes });
	}

	clear(): void {
		this.nodeMap.clear();
		this.edgeMap.clear();
		this.incident.clear();
		this.emit("cleared");
	}

	getNodeAttributes(key: string): N {
		const a = this.nodeMap.get(key);
		if (a === undefined) throw new Error(`LiteGraph.getNodeAttributes: no "${key}"`);
		return a;
	}

	getEdgeAttributes(key: string): E {
		const e = this.edgeMap.get(key);
		if (!e) throw new Error(`LiteGraph.getEdgeAttributes: no "${key}"`);
		return e.attributes;
	}

	replaceNodeAttributes(key: string, attributes: N): void {
		if (!this.nodeMap.has(key)) throw new Error(`LiteGraph.replaceNodeAttributes: no "${key}"`);
		this.nodeMap.set(key, attributes);
		this.emit("nodeAttributesUpdated", { key, type: "replace", attributes });
	}

	replaceEdgeAttributes(key: string, attributes: E): void {
		const e = this.edgeMap.get(key);
		if (!e) throw new Error(`LiteGraph.replaceEdgeAttributes: no "${key}"`);
		e.attributes = attributes;
		this.emit("edgeAttributesUpdated", { key, type: "replace", attributes });
	}

	/** One event for all nodes; `hints.attributes` tells sigma which fields changed (positions: re-index). */
	updateEachNodeAttributes(update: (key: string, attributes: N) => N, hints?: { attributes?: string[] }): void {
		for (const [key, a] of this.nodeMap) this.nodeMap.set(key, update(key, a));
		this.emit("eachNodeAttributesUpdated", { hints: hints ?? null });
	}

	updateEachEdgeAttributes(update: (key: string, attributes: E) => E, hints?: { attributes?: string[] }): void {
		for (const [key, e] of this.edgeMap) e.attributes = update(key, e.attributes);
		this.emit("eachEdgeAttributesUpdated", { hints: hints ?? null });
	}

	nodes(): string[] {
		return [...this.nodeMap.keys()];
	}

	edges(): string[] {
		return [...this.edgeMap.keys()];
	}

	extremities(key: string): [string, string] {
		const e = this.edgeMap.get(key);
		if (!e) throw new Error(`LiteGraph.extremities: no "${key}"`);
		return [e.source, e.target];
	}

	/** Distinct nodes one edge away, either direction. */
	neighbors(key: string): string[] {
		const out = new Set<string>();
		for (const k of this.incident.get(key) ?? []) {
			const e = this.edgeMap.get(k);
			if (e) out.add(e.source === key ? e.target : e.source);
		}
		out.delete(key);
		return [...out];
	}

	forEachNode(callback: (key: string, attributes: N) => void): void {
		for (const [key, a] of this.nodeMap) callback(key, a);
	}

	/** Every edge, or (with a node first) the node's edges; graphology's callback arguments. */
	forEachEdge(callback: EdgeCallback<N, E>): void;
	forEachEdge(node: string, callback: EdgeCallback<N, E>): void;
	forEachEdge(a: string | EdgeCallback<N, E>, b?: EdgeCallback<N, E>): void {
		const callback = (typeof a === "function" ? a : b) as EdgeCallback<N, E>;
		const keys = typeof a === "function" ? this.edgeMap.keys() : (this.incident.get(a) ?? new Set<string>()).values();
		for (const key of [...keys]) {
			const e = this.edgeMap.get(key);
			if (!e) continue;
			callback(key, e.attributes, e.source, e.target, this.nodeMap.get(e.source) as N, this.nodeMap.get(e.target) as N, false);
		}
	}
}
