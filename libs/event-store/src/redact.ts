/** A connection string fit for logs and /health: the password replaced by ***. */
export const redactConnectionString = (url: string): string => url.replace(/:\/\/([^:@/]+):[^@]*@/, '://$1:***@');
