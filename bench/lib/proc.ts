/**
 * CPU time and memory of a process from Linux's /proc (see proc(5)): `utime` + `stime` of
 * /proc/<pid>/stat in clock ticks (100 per second on Linux), VmRSS and VmHWM of /proc/<pid>/status.
 */
import * as fs from 'node:fs';

const TICKS_PER_SECOND = 100;

/** CPU time (user + system) the process has used so far, in milliseconds (10 ms resolution). */
export function cpuMs(pid: number): number {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	// The command name (field 2) may contain spaces: count fields after its closing parenthesis.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const utime = Number(fields[11]);
	const stime = Number(fields[12]);
	return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/** Resident set size now (VmRSS) and the process's peak so far (VmHWM), in MB. */
export function memoryMb(pid: number): { rssMb: number; peakMb: number } {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
	return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Samples a process's RSS every `intervalMs` until stopped; returns the highest value seen (MB). */
export function sampleRss(pid: number, intervalMs = 200): { stop(): number } {
	let peak = memoryMb(pid).rssMb;
	const timer = setInterval(() => {
		try {
			peak = Math.max(peak, memoryMb(pid).rssMb);
		} catch {
			// the process ended
		}
	}, intervalMs);
	return {
		stop: () => {
			clearInterval(timer);
			return peak;
		},
	};
}

/** The pid of the process whose environment holds `name=value` (e.g. N8N_USER_FOLDER of one n8n). */
export function findPidByEnvironment(name: string, value: string, commandIncludes: string): number | undefined {
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
			if (!command.includes(commandIncludes)) continue;
			const environment = fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
			if (environment.includes(`${name}=${value}`)) return Number(entry);
		} catch {
			// gone, or not ours to read
		}
	}
	return undefined;
}

/** CPU a process used per second while nothing was asked of it, over `forMs` (ms per second). */
export async function idleCpu(pid: number, forMs: number): Promise<number> {
	const before = cpuMs(pid);
	await new Promise((resolve) => setTimeout(resolve, forMs));
	return ((cpuMs(pid) - before) * 1000) / forMs;
}
