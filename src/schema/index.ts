import { builder } from './builder';
import './scalars';
import './root';
import './money';
import './errors';
import './tenant';
import './link-tenant';
import './canopy-referencing';
import './canopy-servicing';
import './reposit';
import './events/subscriptions';

export const schema = builder.toSchema({ sortSchema: false });
