import { REPOSIT_POLICY_DOCUMENT_TYPE_VALUES, type RepositPolicyDocument } from '../../sources/reposit/types';
import { builder } from '../builder';
import { listed } from '../vendor-enum';
import { PolicyDocumentTypeEnum } from './enums';
import { parseOwnedId, Policy, refetchPolicies } from './policy';

export interface PolicyDocumentShape extends RepositPolicyDocument {
  repositId: string;
  policyId: string;
}

export const PolicyDocument = builder.node(builder.objectRef<PolicyDocumentShape>('PolicyDocument'), {
  description: 'A file about a policy, typically its certificate of issuance as a PDF.',
  id: {
    resolve: (document) => `${document.repositId}:${document.policyId}:${document.id}`,
    parse: (id) => {
      const { owner: repositId, rest } = parseOwnedId(id);
      const { owner: policyId, rest: documentId } = parseOwnedId(rest);
      return { repositId, policyId, documentId };
    },
  },
  loadOne: async (key, ctx) => {
    const policy = (await refetchPolicies(ctx, key.repositId)).find((candidate) => candidate.id === key.policyId);
    const document = policy?.documents.find((candidate) => candidate.id === key.documentId);
    return document ? { ...document, repositId: key.repositId, policyId: key.policyId } : null;
  },
  fields: (t) => ({
    documentId: t.exposeID('id', { nullable: false, description: 'Reposit’s id of the document (`doc_…`).' }),
    type: t.field({
      nullable: false,
      type: PolicyDocumentTypeEnum,
      description: 'Type of document.',
      resolve: (document) => listed('PolicyDocumentType', REPOSIT_POLICY_DOCUMENT_TYPE_VALUES, document.type),
    }),
    name: t.exposeString('name', { nullable: false, description: 'Name of the document.' }),
    href: t.exposeString('href', { nullable: true, authScopes: { pii: true }, description: 'Link to the document (a PDF, usually), which names the landlord and the property.' }),
    createdAt: t.field({
      nullable: false,
      type: 'DateTime',
      description: 'When the document was created.',
      resolve: (document) => document.createdAt,
    }),
  }),
});

builder.objectField(Policy, 'documents', (t) =>
  t.field({
    nullable: false,
    type: [PolicyDocument],
    description: 'Files about the policy; normally a certificate of issuance.',
    resolve: (policy) => policy.documents.map((document) => ({ ...document, repositId: policy.repositId, policyId: policy.id })),
  }),
);
