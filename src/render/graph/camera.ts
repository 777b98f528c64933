/**
 * The graph's camera, in the coordinates the view saves: graph space is normalized into a unit square around the
 * drawn nodes' extent (`Frame`); the camera's {x, y} is a point of that square shown at the stage's centre (0.5/0.5:
 * the middle) and `ratio` its zoom (1: the whole square in view, smaller: zoomed in). Pure arithmetic.
 */
export interface CameraState {
	x: number;
	y: number;
	ratio: number;
}

/** Graph-space centre and extent of the drawn nodes. */
export interface Frame {
	cx: number;
	cy: number;
	extent: number;
}

/** Graph → screen (CSS px): screen = offset + graph × scale; node sizes × sizeScale. */
export interface Projection {
	ox: number;
	oy: number;
	scale: number;
	sizeScale: number;
}

export const STAGE_PADDING = 24;
export const MIN_RATIO = 0.02;
export const MAX_RATIO = 12;

/** Screen pixels per unit of the normalized square at zoom 1. */
export function baseScale(width: number, height: number): number {
	return Math.max(1, Math.min(width, height) - 2 * STAGE_PADDING);
}

export function clampCamera(state: CameraState): CameraState {
	return {
		x: Number.isFinite(state.x) ? state.x : 0.5,
		y: Number.isFinite(state.y) ? state.y : 0.5,
		ratio: Math.min(MAX_RATIO, Math.max(MIN_RATIO, Number.isFinite(state.ratio) && state.ratio > 0 ? state.ratio : 1)),
	};
}

export function projection(camera: CameraState, frame: Frame, width: number, height: number): Projection {
	const unit = baseScale(width, height) / camera.ratio;
	return {
		ox: width / 2 + (0.5 - frame.cx / frame.extent - camera.x) * unit,
		oy: height / 2 + (0.5 - frame.cy / frame.extent - camera.y) * unit,
		scale: unit / frame.extent,
		// Node sizes and edge widths grow slower than the zoom (by its square root), so zooming in separates nodes.
		sizeScale: 1 / Math.sqrt(camera.ratio),
	};
}

/** The camera point (in the unit square) of a graph position. */
export function cameraPointOf(frame: Frame, x: number, y: number): { x: number; y: number } {
	return { x: 0.5 + (x - frame.cx) / frame.extent, y: 0.5 + (y - frame.cy) / frame.extent };
}

/**
 * How a picture taken with camera `from` maps onto the screen under camera `to` (same frame and stage size):
 * screen = k × picture + (tx, ty), in CSS px. Used to move the last complete frame while a new one is painted.
 */
export function pictureTransform(from: CameraState, to: CameraState, width: number, height: number): { k: number; tx: number; ty: number } {
	const k = from.ratio / to.ratio;
	const unit = baseScale(width, height) / to.ratio;
	return {
		k,
		tx: (width / 2) * (1 - k) + (from.x - to.x) * unit,
		ty: (height / 2) * (1 - k) + (from.y - to.y) * unit,
	};
}

/** The frame around these positions (a single point or none: extent 1 around it). */
export function frameOf(points: Iterable<{ x: number; y: number }>): Frame | undefined {
	let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
	for (const p of points) {
		if (p.x < minX) minX = p.x;
		if (p.x > maxX) maxX = p.x;
		if (p.y < minY) minY = p.y;
		if (p.y > maxY) maxY = p.y;
	}
	if (!Number.isFinite(minX) || !Number.isFinite(maxX) || !Number.isFinite(minY) || !Number.isFinite(maxY)) return undefined;
	return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, extent: Math.max(maxX - minX, maxY - minY) || 1 };
}
