/**
 * Resident memory of a process group (a server and the children it spawned: n8n's task runner,
 * Postgres backends), read from Linux's /proc, for the figures the queue-mode stage reports.
 */
import * as fs from 'node:fs';

/** Sum of VmRSS over the live processes whose process group is `pgid`, in MB (1 MB = 1024 × 1024 bytes); 0 when none. Linux only. */
export function groupRssMb(pgid: number): number {
  let kb = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid pgrp …"; comm may contain spaces, so split after ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'));
      kb += rss ? Number(rss[1]) : 0;
    } catch {
      // the process ended while we read it
    }
  }
  return Math.round(kb / 1024);
}
