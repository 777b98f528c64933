// Merges two mutation-testing reports (mutation-testing-report-schema): `next` (a Stryker run) over `base` (the
// tracked incremental file). Files in `next` replace their entries; others are kept when they still exist. Tests are
// matched by file and name; ids are renumbered so the merged report's ids are unique.

/** @param {any} base @param {any} next @param {(path: string) => boolean} exists */
export function mergeReports(base, next, exists) {
	let nextTestId = 0;
	const idByKey = new Map();
	const testFiles = {};
	const key = (file, name) => `${file}\u0000${name}`;
	const addTest = (file, t) => {
		const k = key(file, t.name);
		if (idByKey.has(k)) return idByKey.get(k);
		const id = String(nextTestId++);
		idByKey.set(k, id);
		testFiles[file].tests.push({ ...t, id });
		return id;
	};

	// Tests of the new run first (their files' sources are the current ones), then tests only the old report knows.
	const nextIds = new Map();
	for (const [file, tf] of Object.entries(next.testFiles ?? {})) {
		testFiles[file] = { ...tf, tests: [] };
		for (const t of tf.tests) nextIds.set(t.id, addTest(file, t));
	}
	const baseIds = new Map();
	for (const [file, tf] of Object.entries(base.testFiles ?? {})) {
		if (!exists(file)) continue;
		testFiles[file] ??= { ...tf, tests: [] };
		for (const t of tf.tests) baseIds.set(t.id, addTest(file, t));
	}

	let nextMutantId = 0;
	const remap = (mutant, ids) => {
		const out = { ...mutant, id: String(nextMutantId++) };
		for (const field of ["coveredBy", "killedBy"]) {
			if (Array.isArray(mutant[field])) out[field] = mutant[field].map((id) => ids.get(id)).filter((id) => id !== undefined);
		}
		return out;
	};
	const files = {};
	for (const [file, f] of Object.entries(next.files)) files[file] = { ...f, mutants: f.mutants.map((m) => remap(m, nextIds)) };
	for (const [file, f] of Object.entries(base.files)) {
		if (file in files || !exists(file)) continue;
		files[file] = { ...f, mutants: f.mutants.map((m) => remap(m, baseIds)) };
	}
	const sorted = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
	return { ...next, files: sorted(files), testFiles: sorted(testFiles) };
}
