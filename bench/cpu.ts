import { readdirSync, readFileSync } from 'node:fs'

/**
 * CPU time spent by this process and by DynamoDB Local's JVM (our child), so throughput can be explained
 * as CPU per request: far steadier than requests/s when something else is running on the machine.
 * Linux only (/proc); elsewhere the JVM's share is simply not reported.
 */

const TICKS_PER_SECOND = 100 // USER_HZ; 100 on every Linux this runs on (getconf CLK_TCK)

/** utime + stime of a process from /proc/<pid>/stat, in ms; undefined when it cannot be read. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may contain spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND
  } catch {
    return undefined
  }
}

/** Our child processes running `java` (DynamoDB Local). */
export function javaChildren(): number[] {
  try {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .filter((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
          const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
          return parent === process.pid && stat.includes('(java)')
        } catch {
          return false
        }
      })
  } catch {
    return []
  }
}

/** CPU time the whole machine has spent busy (every core, every process) since boot, in ms, from /proc/stat. */
export function machineBusyMs(): number | undefined {
  try {
    const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number)
    return ((user! + nice! + system! + irq! + softirq! + steal!) * 1000) / TICKS_PER_SECOND
  } catch {
    return undefined
  }
}

export interface CpuSnapshot {
  server: number
  dynamodb?: number
  machine?: number
}

export function cpuSnapshot(jvmPids: number[]): CpuSnapshot {
  const usage = process.cpuUsage()
  const jvm = jvmPids.map(processCpuMs)
  return {
    server: (usage.user + usage.system) / 1000,
    dynamodb: jvm.length > 0 && jvm.every((value) => value !== undefined) ? jvm.reduce((sum, value) => sum! + value!, 0) : undefined,
    machine: machineBusyMs(),
  }
}

const difference = (before: number | undefined, after: number | undefined) => (before !== undefined && after !== undefined ? after - before : undefined)

export function cpuSince(before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot {
  return {
    server: after.server - before.server,
    dynamodb: difference(before.dynamodb, after.dynamodb),
    machine: difference(before.machine, after.machine),
  }
}
