/** The host's messages live in shared/messages.ts (both hosts use them); kept importable from here. */
export { hostMessage, markAdvice, quoteValue, type MessageId } from "../shared/messages";
