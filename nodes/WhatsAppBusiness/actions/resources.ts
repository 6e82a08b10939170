import { analytics } from './analytics/Analytics.resource';
import { blockedUser } from './blockedUser/BlockedUser.resource';
import { businessProfile } from './businessProfile/BusinessProfile.resource';
import { event } from './event/Event.resource';
import { media } from './media/Media.resource';
import { message } from './message/Message.resource';
import { phoneNumber } from './phoneNumber/PhoneNumber.resource';
import { template } from './template/Template.resource';
import type { ResourceModule } from './types';

export const resources: Record<string, ResourceModule> = {
	message,
	template,
	media,
	businessProfile,
	event,
	phoneNumber,
	analytics,
	blockedUser,
};
