import { DateResolver, DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import { builder } from './builder';

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('Date', DateResolver);
builder.addScalarType('SafeInt', SafeIntResolver);
