import * as businessHours from './businessHours.mode';
import * as customerServiceWindow from './customerServiceWindow.mode';
import * as quietHours from './quietHours.mode';
import type { ModeModule } from './types';

/** Every mode of the node, in the order the Mode selector lists them; the one place modes are named. */
export const modes = {
	customerServiceWindow,
	businessHours,
	quietHours,
} satisfies Record<string, ModeModule>;

export type SessionWindowMode = keyof typeof modes;
