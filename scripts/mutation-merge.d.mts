/** Types of mutation-merge.mjs for its unit test. */
export interface ReportTest { id: string; name: string; location?: unknown }
export interface ReportMutant { id: string; status: string; coveredBy?: string[]; killedBy?: string[]; [k: string]: unknown }
export interface Report {
	files: Record<string, { source?: string; mutants: ReportMutant[]; [k: string]: unknown }>;
	testFiles?: Record<string, { source?: string; tests: ReportTest[] }>;
	[k: string]: unknown;
}
export function mergeReports(base: Report, next: Report, exists: (path: string) => boolean): Report;
