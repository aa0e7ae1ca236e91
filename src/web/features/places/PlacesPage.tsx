import { Link, useParams } from 'react-router';
import type { CountryVisited } from '../../../contracts/places.js';
import { EmptyState, Loading, LoadError, Page } from '../../components/Page.js';
import { countryName } from '../../lib/places.js';
import { useLovedOnePlaces } from '../../lib/queries.js';
import { PlacesMap } from './PlacesMap.js';
import { Visits } from './PlaceVisits.js';

/** The list beside the map: everything the map says, and each place's trips. */
function PlacesList({ countries, lovedOneId }: { countries: readonly CountryVisited[]; lovedOneId: string }) {
  return (
    <ul className="card-list places-list">
      {countries.map((country) => (
        <li key={country.country} className="card">
          <h3 className="card-title">{countryName(country.country)}</h3>
          <Visits
            visits={country.visits}
            lovedOneId={lovedOneId}
            shownBelow={new Set(country.towns.flatMap((town) => town.visits.map((v) => v.legId ?? '')))}
          />
          {country.towns.length > 0 && (
            <ul className="places-towns">
              {country.towns.map((town) => (
                <li key={town.key}>
                  <p>
                    <strong>{town.name}</strong>
                    {town.region && town.region !== town.name && `, ${town.region}`}
                    <span className="meta">{town.point ? ' · a pin on the map' : ' · by name'}</span>
                  </p>
                  <Visits visits={town.visits} lovedOneId={lovedOneId} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

export function PlacesPage() {
  const { lovedOneId = '' } = useParams();
  const query = useLovedOnePlaces(lovedOneId);
  const back = { to: `/loved-ones/${lovedOneId}`, label: 'Back' };

  if (query.isPending)
    return (
      <Page title="Places" heading="Loading…" busy>
        <Loading />
      </Page>
    );
  if (query.isError)
    return (
      <Page title="Places" heading="Places">
        <LoadError
          error={query.error}
          what="these places"
          onRetry={() => void query.refetch()}
          back={{ to: back.to, label: 'Back to the loved one' }}
        />
      </Page>
    );

  const { name, countries } = query.data;
  return (
    <Page
      title={`Places ${name} has been`}
      lead={<p>Every trip on which one of {name}’s keepsakes came along adds where it arrived.</p>}
    >
      {countries.length === 0 ? (
        <EmptyState
          title={`${name} hasn’t travelled with you yet`}
          action={
            <Link className="button secondary" to={back.to}>
              Back to {name}
            </Link>
          }
        >
          <p>
            When one of {name}’s keepsakes comes along on a trip, the places you arrive will gather here, on a
            map of your own.
          </p>
        </EmptyState>
      ) : (
        <div className="places">
          <PlacesMap countries={countries} lovedOneId={lovedOneId} />
          <section aria-labelledby="places-list-heading">
            <h2 id="places-list-heading">Where {name} has been</h2>
            <PlacesList countries={countries} lovedOneId={lovedOneId} />
          </section>
          <p className="meta">
            Towns and cities from GeoNames (geonames.org, CC BY 4.0); country shapes from Natural Earth.
          </p>
        </div>
      )}
    </Page>
  );
}
