import type { Command } from 'commander';

/** Registers `fiscus report`. (Placeholder until the report command lands: registers nothing.) */
export function registerReport(program: Command): void {
  void program;
}
