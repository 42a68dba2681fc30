import { builder } from './builder';

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
