import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededCanopyReferenceId } from '../../src/sandbox/canopy-referencing/seed';
import { useGateway, type TestGateway } from '../helpers/gateway';

const LIAM = 'liam.byrne@example.com';
const GUARANTOR = 'liam.byrne.guarantor@example.com';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

it('lists the renters a guarantor guarantees, from the guarantor’s passport', async () => {
  const created = await gateway.graphql(
    /* GraphQL */ `
      mutation ($input: RequestReferencingInput!) {
        requestReferencing(input: $input) { __typename ... on MutationRequestReferencingSuccess { data { canopyReferenceId } } }
      }
    `,
    { input: { email: GUARANTOR, requestType: 'GUARANTOR_SCREENING', itemType: 'INSTANT' } },
  );
  const canopyReferenceId = created.data?.requestReferencing.data?.canopyReferenceId;
  expect(canopyReferenceId).toEqual(expect.any(String));

  const { data, errors } = await gateway.graphql(
    `query ($id: ID!) { referencingRequest(canopyReferenceId: $id) { rentPassport { isGuarantor guaranteedRenterCount guaranteedRenters } } }`,
    { id: canopyReferenceId },
  );
  expect(errors).toBeUndefined();
  expect(data?.referencingRequest.rentPassport).toEqual({
    isGuarantor: true,
    guaranteedRenterCount: 1,
    guaranteedRenters: [
      { canopyReferenceId: seededCanopyReferenceId(LIAM), email: LIAM, firstName: 'Liam', lastName: 'Byrne', status: 'PENDING' },
    ],
  });
});
