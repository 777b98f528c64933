/** The graph camera's arithmetic: the moved picture must land exactly where a fresh paint would put each node. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { baseScale, cameraPointOf, clampCamera, frameOf, MAX_RATIO, MIN_RATIO, pictureTransform, projection } from "../../../src/render/graph/camera";
import { fcParams } from "../../fc-params";

const camera = fc.record({ x: fc.double({ min: -2, max: 3, noNaN: true }), y: fc.double({ min: -2, max: 3, noNaN: true }), ratio: fc.double({ min: MIN_RATIO, max: MAX_RATIO, noNaN: true }) });
const frame = fc.record({ cx: fc.double({ min: -1e4, max: 1e4, noNaN: true }), cy: fc.double({ min: -1e4, max: 1e4, noNaN: true }), extent: fc.double({ min: 1e-3, max: 1e5, noNaN: true }) });
const size = fc.tuple(fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 1, max: 4000 }));

describe("graph camera", () => {
	it("a picture painted under one camera, moved by pictureTransform, puts every node where the other camera paints it", () => {
		fc.assert(fc.property(camera, camera, frame, size, fc.double({ min: -1, max: 2, noNaN: true }), fc.double({ min: -1, max: 2, noNaN: true }), (from, to, f, [w, h], u, v) => {
			const gx = f.cx + (u - 0.5) * f.extent;
			const gy = f.cy + (v - 0.5) * f.extent;
			const a = projection(from, f, w, h);
			const b = projection(to, f, w, h);
			const t = pictureTransform(from, to, w, h);
			const moved = { x: t.k * (a.ox + gx * a.scale) + t.tx, y: t.k * (a.oy + gy * a.scale) + t.ty };
			const tol = 1e-9 * (Math.abs(a.ox) + Math.abs(b.ox) + Math.abs(a.oy) + Math.abs(b.oy) + Math.abs(gx * b.scale) + Math.abs(gy * b.scale) + w + h) * Math.max(1, t.k);
			expect(Math.abs(moved.x - (b.ox + gx * b.scale))).toBeLessThanOrEqual(tol);
			expect(Math.abs(moved.y - (b.oy + gy * b.scale))).toBeLessThanOrEqual(tol);
		}), fcParams());
	});

	it("the camera point of a node is shown at the stage's centre", () => {
		fc.assert(fc.property(frame, size, fc.double({ min: MIN_RATIO, max: MAX_RATIO, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (f, [w, h], ratio, u, v) => {
			const gx = f.cx + (u - 0.5) * f.extent;
			const gy = f.cy + (v - 0.5) * f.extent;
			const p = projection({ ...cameraPointOf(f, gx, gy), ratio }, f, w, h);
			// Relative to the size of the terms summed (a far-off frame with a tiny extent cancels large numbers).
			expect(Math.abs(p.ox + gx * p.scale - w / 2)).toBeLessThanOrEqual(1e-9 * (Math.abs(p.ox) + Math.abs(gx * p.scale) + w));
			expect(Math.abs(p.oy + gy * p.scale - h / 2)).toBeLessThanOrEqual(1e-9 * (Math.abs(p.oy) + Math.abs(gy * p.scale) + h));
		}), fcParams());
	});

	it("at zoom 1 the whole frame fits inside the padded stage, centred", () => {
		const f = frameOf([{ x: -50, y: 10 }, { x: 150, y: 60 }, { x: 0, y: -40 }]);
		expect(f).toEqual({ cx: 50, cy: 10, extent: 200 });
		if (!f) return;
		const p = projection({ x: 0.5, y: 0.5, ratio: 1 }, f, 800, 600);
		expect(p.ox + -50 * p.scale).toBeCloseTo(400 - baseScale(800, 600) / 2, 6);
		expect(p.ox + 150 * p.scale).toBeCloseTo(400 + baseScale(800, 600) / 2, 6);
		expect(p.oy + 10 * p.scale).toBeCloseTo(300, 6);
		expect(p.sizeScale).toBe(1);
	});

	it("frames of no points or non-finite points are undefined; one point gets extent 1", () => {
		expect(frameOf([])).toBeUndefined();
		expect(frameOf([{ x: NaN, y: 1 }])).toBeUndefined();
		expect(frameOf([{ x: 3, y: 4 }])).toEqual({ cx: 3, cy: 4, extent: 1 });
	});

	it("clampCamera keeps zoom within bounds and replaces non-finite values (a corrupt saved state)", () => {
		expect(clampCamera({ x: NaN, y: Infinity, ratio: -3 })).toEqual({ x: 0.5, y: 0.5, ratio: 1 });
		expect(clampCamera({ x: 0.2, y: 0.3, ratio: 1e9 })).toEqual({ x: 0.2, y: 0.3, ratio: MAX_RATIO });
		expect(clampCamera({ x: 0.2, y: 0.3, ratio: 1e-9 }).ratio).toBe(MIN_RATIO);
	});
});
