import { contact } from './contact/Contact.resource';
import { note } from './note/Note.resource';
import { ticket } from './ticket/Ticket.resource';
import type { ResourceModule } from './types';

export const resources: Record<string, ResourceModule> = { contact, note, ticket };
