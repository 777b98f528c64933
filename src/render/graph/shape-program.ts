/**
 * Node shapes for sigma's WebGL renderer: one small program per shape (circle, ring, square, diamond, triangle,
 * hexagon), the shape drawn by a distance function in the fragment shader. Same attributes and uniforms as sigma's
 * own circle program (one triangle per node, three vertices), so picking and sizes behave alike.
 */
import { NodeProgram, type NodeProgramType } from "sigma/rendering";
import type { NodeDisplayData, RenderParams } from "sigma/types";
import { floatColor } from "sigma/utils";
import type { NodeShape } from "./style";

/** Signed distance (negative inside) of each shape, in units of the node's radius (`p` in [-1, 1]²). */
const SHAPE_SDF: Record<NodeShape, string> = {
	circle: "return length(p) - 1.0;",
	ring: "return abs(length(p) - 0.78) - 0.22;",
	square: "vec2 q = abs(p); return max(q.x, q.y) - 0.82;",
	diamond: "vec2 q = abs(p); return (q.x + q.y) * 0.7071 - 0.8;",
	triangle: "vec2 q = vec2(abs(p.x), p.y + 0.2); return max(q.x * 0.866 + q.y * 0.5, -q.y) - 0.53;",
	hexagon: "vec2 q = abs(p); return max(q.x * 0.866 + q.y * 0.5, q.y) - 0.92;",
};

const VERTEX = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute float a_size;
attribute float a_angle;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;

varying vec4 v_color;
varying vec2 v_diffVector;
varying float v_radius;

const float bias = 255.0 / 254.0;

void main() {
  // 1.2 times the circle program's triangle: its inscribed circle (1.2 radii) holds every shape's corners, and
  // fragments stay few (a software rasterizer pays for every one, twice: drawing and picking).
  float radius = a_size * u_correctionRatio / u_sizeRatio * 2.0;
  vec2 diffVector = radius * 2.4 * vec2(cos(a_angle), sin(a_angle));
  gl_Position = vec4((u_matrix * vec3(a_position + diffVector, 1)).xy, 0, 1);
  v_diffVector = diffVector;
  v_radius = radius;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

function fragment(shape: NodeShape): string {
	return /* glsl */ `
precision highp float;
varying vec4 v_color;
varying vec2 v_diffVector;
varying float v_radius;
uniform float u_correctionRatio;
const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

float sdf(vec2 p) { ${SHAPE_SDF[shape]} }

void main(void) {
  float d = sdf(v_diffVector / v_radius) * v_radius;
  #ifdef PICKING_MODE
  gl_FragColor = d > 0.0 ? transparent : v_color;
  #else
  float border = u_correctionRatio * 2.0;
  float t = clamp((d + border) / border, 0.0, 1.0);
  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`;
}

const UNIFORMS = ["u_sizeRatio", "u_correctionRatio", "u_matrix"] as const;
type Uniform = (typeof UNIFORMS)[number];

export function createShapeProgram(shape: NodeShape): NodeProgramType {
	const fragmentSource = fragment(shape);
	class ShapeProgram extends NodeProgram<Uniform> {
		getDefinition() {
			const gl = WebGLRenderingContext;
			return {
				VERTICES: 3,
				VERTEX_SHADER_SOURCE: VERTEX,
				FRAGMENT_SHADER_SOURCE: fragmentSource,
				METHOD: gl.TRIANGLES,
				UNIFORMS,
				ATTRIBUTES: [
					{ name: "a_position", size: 2, type: gl.FLOAT },
					{ name: "a_size", size: 1, type: gl.FLOAT },
					{ name: "a_color", size: 4, type: gl.UNSIGNED_BYTE, normalized: true },
					{ name: "a_id", size: 4, type: gl.UNSIGNED_BYTE, normalized: true },
				],
				CONSTANT_ATTRIBUTES: [{ name: "a_angle", size: 1, type: gl.FLOAT }],
				CONSTANT_DATA: [[0], [(2 * Math.PI) / 3], [(4 * Math.PI) / 3]],
			};
		}

		processVisibleItem(nodeIndex: number, startIndex: number, data: NodeDisplayData): void {
			const array = this.array;
			array[startIndex++] = data.x;
			array[startIndex++] = data.y;
			array[startIndex++] = data.size;
			array[startIndex++] = floatColor(data.color);
			array[startIndex++] = nodeIndex;
		}

		setUniforms(params: RenderParams, { gl, uniformLocations }: { gl: WebGLRenderingContext; uniformLocations: Record<Uniform, WebGLUniformLocation> }): void {
			gl.uniform1f(uniformLocations.u_correctionRatio, params.correctionRatio);
			gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
			gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
		}
	}
	return ShapeProgram;
}
