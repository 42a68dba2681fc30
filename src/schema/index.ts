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
import { describeVendorCosts } from '../limits/vendor-cost/describe-costs';

export const schema = describeScopes(describeVendorCosts(builder.toSchema({ sortSchema: false })));
