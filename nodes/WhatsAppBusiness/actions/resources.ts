import { message } from './message/Message.resource';
import type { ResourceModule } from './types';

export const resources: Record<string, ResourceModule> = {
	message,
};
