import { builder } from './builder';

// Every root field needs its operation's scope; a field that needs more says so itself.
builder.queryType({ authScopes: { read: true } });
builder.mutationType({ authScopes: { write: true } });
builder.subscriptionType({ authScopes: { read: true } });
