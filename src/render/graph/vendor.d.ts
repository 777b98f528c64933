/** graphology-layout-forceatlas2 ships its web worker as a plain function (stringified into a Blob worker); no typings. */
declare module "graphology-layout-forceatlas2/webworker.js" {
	const worker: () => void;
	export default worker;
}
