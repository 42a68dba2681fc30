import {
  REPOSIT_POLICY_CATEGORY_VALUES,
  REPOSIT_POLICY_DOCUMENT_TYPE_VALUES,
  REPOSIT_STATUS_VALUES,
  REPOSIT_SUPPLIER_TYPE_VALUES,
  REPOSIT_TENANT_STATUS_VALUES,
} from '../../sources/reposit/types';
import { builder } from '../builder';
import { vendorEnum } from '../vendor-enum';

export const RepositTenantStatusEnum = vendorEnum(
  'RepositTenantStatus',
  REPOSIT_TENANT_STATUS_VALUES,
  'A tenant’s progress through a Reposit: invited, registered, confirmed the details, signed the legal documents, paid.',
);

export const RepositSupplierTypeEnum = vendorEnum(
  'RepositSupplierType',
  REPOSIT_SUPPLIER_TYPE_VALUES,
  'Whether the supplier account is a letting agency or a landlord.',
);

export const PolicyCategoryEnum = vendorEnum(
  'PolicyCategory',
  REPOSIT_POLICY_CATEGORY_VALUES,
  'Category of insurance policy; DEPOSIT_WAIVER, Reposit’s deposit replacement product, in most cases.',
);

export const PolicyDocumentTypeEnum = vendorEnum(
  'PolicyDocumentType',
  REPOSIT_POLICY_DOCUMENT_TYPE_VALUES,
  'Type of policy document; POLICY_SUMMARY for certificates of issuance.',
);

export const RepositStatusEnum = builder.enumType('RepositStatus', {
  description:
    'Where a Reposit stands. Reposit sends no status: it is read from its dates and tenants (ACTIVE once every tenant has paid and the landlord is covered).',
  values: REPOSIT_STATUS_VALUES,
});
