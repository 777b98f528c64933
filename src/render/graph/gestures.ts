/**
 * Pointer gestures on the graph's stage: drag to pan, wheel to zoom about the pointer, two-finger pinch, a press that
 * barely moves is a click, and hover when no button is down. Turns them into camera moves and callbacks; knows
 * nothing of what is drawn.
 */
import { baseScale, clampCamera, type CameraState } from "./camera";

export interface GestureTarget {
	camera(): CameraState;
	moveCamera(state: CameraState): void;
	/** A gesture took over the camera: stop any animation. */
	interrupt(): void;
	hover(x: number, y: number): void;
	leave(): void;
	click(x: number, y: number, event: PointerEvent): void;
}

/** A press that moves less than this (CSS px) is a click, not a drag. */
const CLICK_SLOP = 5;

interface Point {
	x: number;
	y: number;
}

export class StageGestures {
	private readonly pointers = new Map<number, Point>();
	private press: { at: Point; camera: CameraState; moved: boolean; pinch?: { distance: number; ratio: number } } | undefined;
	private readonly detach: (() => void)[] = [];

	constructor(private readonly el: HTMLElement, private readonly target: GestureTarget) {
		this.on("pointerdown", (e) => this.down(e));
		this.on("pointermove", (e) => this.move(e));
		this.on("pointerup", (e) => this.up(e, false));
		this.on("pointercancel", (e) => this.up(e, true));
		this.on("pointerleave", () => { if (!this.press) target.leave(); });
		this.on("wheel", (e) => this.wheel(e), { passive: false });
	}

	private on<K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void, options?: AddEventListenerOptions): void {
		this.el.addEventListener(type, fn, options);
		this.detach.push(() => this.el.removeEventListener(type, fn, options));
	}

	private point(e: MouseEvent): Point {
		const r = this.el.getBoundingClientRect();
		return { x: e.clientX - r.left, y: e.clientY - r.top };
	}

	private pinchDistance(): number {
		const [a, b] = [...this.pointers.values()] as [Point, Point];
		return Math.hypot(a.x - b.x, a.y - b.y) || 1;
	}

	private down(e: PointerEvent): void {
		const p = this.point(e);
		this.pointers.set(e.pointerId, p);
		this.el.setPointerCapture?.(e.pointerId);
		this.target.interrupt();
		const camera = this.target.camera();
		if (this.pointers.size === 2) this.press = { at: p, camera, moved: true, pinch: { distance: this.pinchDistance(), ratio: camera.ratio } };
		else this.press = { at: p, camera, moved: false };
	}

	private move(e: PointerEvent): void {
		const p = this.point(e);
		const press = this.press;
		if (!press || !this.pointers.has(e.pointerId)) {
			this.target.hover(p.x, p.y);
			return;
		}
		this.pointers.set(e.pointerId, p);
		if (press.pinch && this.pointers.size >= 2) {
			this.target.moveCamera(clampCamera({ ...this.target.camera(), ratio: press.pinch.ratio * (press.pinch.distance / this.pinchDistance()) }));
			return;
		}
		if (!press.moved && Math.hypot(p.x - press.at.x, p.y - press.at.y) < CLICK_SLOP) return;
		if (!press.moved) this.target.leave();
		press.moved = true;
		const unit = baseScale(this.el.clientWidth, this.el.clientHeight) / press.camera.ratio;
		this.target.moveCamera({ x: press.camera.x - (p.x - press.at.x) / unit, y: press.camera.y - (p.y - press.at.y) / unit, ratio: press.camera.ratio });
	}

	private up(e: PointerEvent, cancelled: boolean): void {
		const press = this.press;
		this.pointers.delete(e.pointerId);
		if (this.pointers.size > 0) {
			// One finger left after a pinch: it pans from where it is.
			this.press = { at: [...this.pointers.values()][0] as Point, camera: this.target.camera(), moved: true };
			return;
		}
		this.press = undefined;
		if (!press || press.moved || cancelled) return;
		const p = this.point(e);
		this.target.click(p.x, p.y, e);
	}

	private wheel(e: WheelEvent): void {
		e.preventDefault();
		const p = this.point(e);
		const w = this.el.clientWidth;
		const h = this.el.clientHeight;
		const camera = this.target.camera();
		const factor = Math.exp(Math.max(-1, Math.min(1, e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0025))));
		const next = clampCamera({ ...camera, ratio: camera.ratio * factor });
		const before = baseScale(w, h) / camera.ratio;
		const after = baseScale(w, h) / next.ratio;
		// Keep the point under the pointer where it is.
		const gx = camera.x + (p.x - w / 2) / before;
		const gy = camera.y + (p.y - h / 2) / before;
		this.target.interrupt();
		this.target.moveCamera({ x: gx - (p.x - w / 2) / after, y: gy - (p.y - h / 2) / after, ratio: next.ratio });
	}

	dispose(): void {
		for (const off of this.detach) off();
	}
}
