import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Member } from '../../../contracts/accounts.js';
import { roles, type Role } from '../../../contracts/permissions.js';
import { useCan, useSignedIn } from '../../app/session.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { SelectField } from '../../components/fields.js';
import { Notice } from '../../components/Notice.js';
import { LoadError, Loading, Page } from '../../components/Page.js';
import { messageOf } from '../../lib/api.js';
import { useMembers } from '../../lib/queries.js';
import { ChildProfilesSection } from '../children/ChildProfilesSection.js';
import { InviteSection } from './InviteSection.js';
import { useChangeRole, useHandOver, useLeaveFamily, useRemoveMember } from './mutations.js';
import { roleMeanings, roleNames } from './words.js';

/** Who is in the family and what each may do; inviting, roles, removing, handing over, leaving. */
export function MembersPage() {
  const session = useSignedIn();
  const members = useMembers();
  const canInvite = useCan('family.invite');
  const canManageChildren = useCan('children.manage');
  return (
    <Page
      title="Family members"
      lead={<p>Everyone in {session.family.name}, and what each of them can do here.</p>}
    >
      <section aria-labelledby="members-heading" className="card stack">
        <h2 id="members-heading">Members</h2>
        {members.isPending ? (
          <Loading label="Loading members…" lines={2} />
        ) : members.isError ? (
          <LoadError error={members.error} what="the members" onRetry={() => void members.refetch()} />
        ) : (
          <ul className="family-list">
            {members.data.members.map((member) => (
              <MemberItem
                key={member.id}
                member={member}
                onlyOwner={
                  member.role === 'owner' && members.data.members.filter((m) => m.role === 'owner').length < 2
                }
              />
            ))}
          </ul>
        )}
      </section>
      {canManageChildren && <ChildProfilesSection />}
      {canInvite && <InviteSection />}
      <LeaveSection />
    </Page>
  );
}

function MemberItem({ member, onlyOwner }: { member: Member; onlyOwner: boolean }) {
  const manage = useCan('family.manage');
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const handOver = useHandOver();
  const [dialog, ask] = useConfirm();
  const [role, setRole] = useState<Role>(member.role);
  const busy = changeRole.isPending || remove.isPending || handOver.isPending;
  const failed = [changeRole, remove, handOver].find((m) => m.isError)?.error;

  return (
    <li>
      {dialog}
      <p>
        <strong>{member.displayName}</strong>
        {member.isYou && <span className="meta"> (you)</span>} · {roleNames[member.role]}
      </p>
      <p className="meta">{roleMeanings[member.role]}</p>
      {manage && member.isYou && onlyOwner && (
        <p className="meta">
          You are the family’s only owner. To step down or leave, first hand over ownership to another adult.
        </p>
      )}
      {manage && !(member.isYou && onlyOwner) && (
        <div className="stack">
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              changeRole.mutate({ memberId: member.id, role });
            }}
          >
            <SelectField
              label={`Role for ${member.displayName}`}
              name={`role-${member.id}`}
              value={role}
              onChange={(value) => setRole(value as Role)}
              options={roles.map((r) => ({ value: r, label: roleNames[r] }))}
            />
            <div className="button-row">
              <button
                type="submit"
                className="button secondary small"
                disabled={busy || role === member.role}
              >
                Change role
              </button>
              {!member.isYou && member.role === 'adult' && (
                <button
                  type="button"
                  className="button secondary small"
                  disabled={busy}
                  onClick={() =>
                    void ask({
                      title: `Hand the family over to ${member.displayName}?`,
                      body: (
                        <p>
                          {member.displayName} becomes the owner, and you become an adult in the family. You
                          keep full rights to loved ones and trips.
                        </p>
                      ),
                      confirmLabel: `Make ${member.displayName} the owner`,
                      cancelLabel: 'Keep it as it is',
                    }).then((yes) => yes && handOver.mutate(member.id))
                  }
                >
                  Hand over ownership
                </button>
              )}
              {!member.isYou && (
                <button
                  type="button"
                  className="button secondary small"
                  disabled={busy}
                  onClick={() =>
                    void ask({
                      title: `Remove ${member.displayName} from the family?`,
                      body: (
                        <p>
                          They will no longer see the family here. What they ticked and confirmed stays, shown
                          as theirs. You can invite them again later.
                        </p>
                      ),
                      confirmLabel: `Remove ${member.displayName}`,
                      cancelLabel: 'Keep them',
                    }).then((yes) => yes && remove.mutate(member.id))
                  }
                >
                  Remove
                </button>
              )}
            </div>
          </form>
        </div>
      )}
      {failed !== undefined && (
        <p role="alert" className="meta">
          {messageOf(failed)}
        </p>
      )}
    </li>
  );
}

function LeaveSection() {
  const { family } = useSignedIn();
  const leave = useLeaveFamily();
  const navigate = useNavigate();
  const [dialog, ask] = useConfirm();
  return (
    <section aria-labelledby="leave-heading" className="card stack">
      {dialog}
      <h2 id="leave-heading">Leave this family</h2>
      <p>
        You will no longer see {family.name} here. What you ticked and confirmed stays, shown as yours. The
        family can invite you again.
      </p>
      {leave.isError && (
        <Notice tone="warm" alert>
          <p>{messageOf(leave.error)}</p>
        </Notice>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button secondary"
          disabled={leave.isPending}
          onClick={() =>
            void ask({
              title: `Leave ${family.name}?`,
              confirmLabel: 'Leave the family',
              cancelLabel: 'Stay',
            }).then(async (yes) => {
              if (!yes) return;
              // A refusal (the only owner) is shown above from the mutation's error.
              const left = await leave.mutateAsync().then(
                () => true,
                () => false,
              );
              if (left) await navigate('/', { replace: true });
            })
          }
        >
          Leave this family
        </button>
      </div>
    </section>
  );
}
