export function startStaticServer(root: string, port?: number): Promise<{ origin: string; close(): Promise<void> }>;
