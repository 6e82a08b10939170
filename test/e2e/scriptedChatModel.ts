/**
 * A scripted chat model for the AI-agent end-to-end test, answering OpenAI's chat completions
 * request shape (POST /v1/chat/completions, JSON or server-sent events): it calls the first tool it
 * is offered, with arguments filled from the tool's JSON schema, and once a tool result (or a
 * refusal) comes back, it answers with that result. It plays the agent's decisions, as the
 * emulator plays the customer; no language model is involved.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface ChatMessage {
  role: string;
  content?: string | null | Array<{ type: string; text?: string }>;
}

interface ChatRequest {
  model?: string;
  stream?: boolean;
  messages: ChatMessage[];
  tools?: Array<{ type: 'function'; function: { name: string; parameters?: JsonSchema } }>;
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

export interface ScriptedChatModel {
  /** The base URL an OpenAI credential takes (…/v1). */
  url: string;
  requests: ChatRequest[];
  /** Text of the tool results the model received (what it answered with), from request number `since` on. */
  toolResults(since?: number): string[];
  close(): Promise<void>;
}

/** A value for a JSON schema: objects get their required (else all) properties, strings the calculation. */
function sample(schema: JsonSchema | undefined): unknown {
  const type = Array.isArray(schema?.type) ? schema?.type[0] : schema?.type;
  if (type === 'object' || schema?.properties) {
    const keys = schema?.required?.length ? schema.required : Object.keys(schema?.properties ?? {});
    return Object.fromEntries(keys.map((key) => [key, sample(schema?.properties?.[key])]));
  }
  if (type === 'number' || type === 'integer') return 42;
  if (type === 'boolean') return true;
  return '6*7';
}

const text = (content: ChatMessage['content']) => (Array.isArray(content) ? content.map((part) => part.text ?? '').join('') : String(content ?? ''));

function reply(request: ChatRequest): { content: string | null; toolCalls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }> } {
  const last = request.messages.at(-1);
  if (last?.role === 'tool') return { content: `The tool answered: ${text(last.content)}` };
  const tool = request.tools?.[0];
  if (!tool) return { content: 'No tool to call.' };
  return { content: null, toolCalls: [{ id: 'call_1', type: 'function', function: { name: tool.function.name, arguments: JSON.stringify(sample(tool.function.parameters)) } }] };
}

export async function startScriptedChatModel(): Promise<ScriptedChatModel> {
  const requests: ChatRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `Not modelled: ${req.method} ${req.url}` } }));
        return;
      }
      const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
      requests.push(request);
      const { content, toolCalls } = reply(request);
      const base = { id: `chatcmpl-${requests.length}`, created: Math.floor(Date.now() / 1000), model: request.model ?? 'scripted' };
      const finish = toolCalls ? 'tool_calls' : 'stop';
      if (request.stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const delta = toolCalls ? { role: 'assistant', tool_calls: toolCalls.map((call, index) => ({ index, ...call })) } : { role: 'assistant', content };
        res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`);
        res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: finish }] })}\n\n`);
        res.end('data: [DONE]\n\n');
        return;
      }
      const message = { role: 'assistant', content, ...(toolCalls ? { tool_calls: toolCalls } : {}) };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: finish }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    toolResults: (since = 0) => requests.slice(since).flatMap((request) => request.messages.filter((message) => message.role === 'tool').map((message) => text(message.content))),
    close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
