// The assistant (智能客服, Stage 6): FAQ understanding over the knowledge base, emotion,
// conversations with commands and filing, and the handoff to a person in the console.
export { assistantRoutes, type AssistantRouteDeps } from './routes.js';
export { AssistantEngine } from './engine.js';
export { CHAT_CHANNEL } from './conversations.js';
export { seedAssistant } from './seed.js';
export { importEntries, type ImportResult, type KbInput } from './kb.js';
export { parseKbFile } from './kb-file.js';
export { exportEntries } from './kb.js';
export { trainMatcher } from './nlp/matcher.js';
