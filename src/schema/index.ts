import { builder } from './builder';
import './scalars';
import './root';
import './money';
import './errors';
import './agency';
import './admin';
import './tenant';
import './link-tenant';
import './canopy-referencing';
import './canopy-servicing';
import './reposit';
import './events/subscriptions';
import './federation/entities';
import { describeScopes } from './scope-descriptions';

export const schema = describeScopes(builder.toSchema({ sortSchema: false }));
