/**
 * Node shapes as 2D-canvas sub-paths (circle, ring, square, diamond, triangle, hexagon), each starting with its own
 * moveTo, so a whole group of nodes of one shape and colour goes into one path and is filled once. Sizes are in units
 * of the node's radius, chosen so the shapes look equally heavy next to each other.
 */
import type { NodeShape } from "./style";

const SIN60 = Math.sqrt(3) / 2;

export function drawShape(ctx: CanvasRenderingContext2D, shape: NodeShape, x: number, y: number, r: number): void {
	switch (shape) {
		case "circle":
		case "ring":
			ctx.moveTo(x + r, y);
			ctx.arc(x, y, r, 0, Math.PI * 2);
			return;
		case "square": {
			const h = r * 0.82;
			ctx.rect(x - h, y - h, 2 * h, 2 * h);
			return;
		}
		case "diamond": {
			const h = r * 1.13;
			ctx.moveTo(x, y - h);
			ctx.lineTo(x + h, y);
			ctx.lineTo(x, y + h);
			ctx.lineTo(x - h, y);
			ctx.closePath();
			return;
		}
		case "triangle": {
			const h = r * 1.2;
			ctx.moveTo(x, y - h);
			ctx.lineTo(x + h * SIN60, y + h / 2);
			ctx.lineTo(x - h * SIN60, y + h / 2);
			ctx.closePath();
			return;
		}
		case "hexagon": {
			const h = r * 1.05;
			ctx.moveTo(x + h, y);
			for (let i = 1; i < 6; i++) ctx.lineTo(x + h * Math.cos((i * Math.PI) / 3), y + h * Math.sin((i * Math.PI) / 3));
			ctx.closePath();
			return;
		}
	}
}
