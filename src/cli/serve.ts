import type { Command } from 'commander';

/** Registers `fiscus serve`. (Placeholder until the serve command lands: registers nothing.) */
export function registerServe(program: Command): void {
  void program;
}
