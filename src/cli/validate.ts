import type { Command } from 'commander';

/** Registers `fiscus validate`. (Placeholder until the validate command lands: registers nothing.) */
export function registerValidate(program: Command): void {
  void program;
}
