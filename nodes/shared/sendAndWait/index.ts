export { replyTokenSecret } from './secret';
export { pendingTextRequests, WAITING_REQUEST_KEY } from './pendingRequests';
