/**
 * The members `K` of an Obsidian declaration, for a host class to `implements`. Parameters and other
 * return types are checked exactly; a fluent `this` return (typed as the Obsidian class itself) is
 * relaxed, since a host class returns its own `this`.
 */
export type Surface<T, K extends keyof T> = {
	[P in K]: T[P] extends (...args: infer A) => infer R ? (...args: A) => (R extends T ? unknown : R) : T[P];
};
