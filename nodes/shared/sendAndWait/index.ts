export { replyTokenSecret } from './secret';
export { pendingTextRequestsFor, WAITING_REQUEST_KEY } from './pendingRequests';
