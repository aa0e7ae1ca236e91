import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { LoadError, Loading } from '../components/Page.js';
import { isApiError, setSignedOutHandler } from '../lib/api.js';
import { keys, rememberSession, useSession } from '../lib/queries.js';
import { returnPathOf } from '../features/accounts/return-to.js';
import { accountLinkRoutes } from '../features/accounts/routes.js';
import { supporterLinkRoutes } from '../features/supporters/links.js';
import { RouteBoundary } from './ErrorBoundary.js';
import { Layout, PlainLayout } from './Layout.js';
import { forgetOfflineCopy, SessionContext, takeSignedOutOnPurpose } from './session.js';

// Pages load on demand, so the first screen needs only React, the router and the shell. Each page
// has its own error boundary: a page that fails to draw (or to load) leaves the app's frame working.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => {
  const Lazy = lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
  return function RoutePage() {
    return (
      <RouteBoundary>
        <Lazy />
      </RouteBoundary>
    );
  };
};

const Welcome = page(() => import('../features/accounts/WelcomePage.js'), 'WelcomePage');
const SignUp = page(() => import('../features/accounts/SignUpPage.js'), 'SignUpPage');
const SignIn = page(() => import('../features/accounts/SignInPage.js'), 'SignInPage');
const Settings = page(() => import('../features/accounts/SettingsPage.js'), 'SettingsPage');
const Home = page(() => import('../features/home/HomePage.js'), 'HomePage');
const LovedOnes = page(() => import('../features/loved-ones/LovedOnesPage.js'), 'LovedOnesPage');
const LovedOneForm = page(() => import('../features/loved-ones/LovedOneFormPage.js'), 'LovedOneFormPage');
const LovedOne = page(() => import('../features/loved-ones/LovedOnePage.js'), 'LovedOnePage');
const KeepsakeForm = page(() => import('../features/loved-ones/KeepsakeFormPage.js'), 'KeepsakeFormPage');
const Trips = page(() => import('../features/trips/TripsPage.js'), 'TripsPage');
const TripForm = page(() => import('../features/trips/TripFormPage.js'), 'TripFormPage');
const Trip = page(() => import('../features/trips/TripPage.js'), 'TripPage');
const TripChecklist = page(() => import('../features/trips/TripChecklistPage.js'), 'TripChecklistPage');
const TripPeople = page(() => import('../features/trips/TripPeoplePage.js'), 'TripPeoplePage');
const LegForm = page(() => import('../features/trips/LegFormPage.js'), 'LegFormPage');
const TripCarry = page(() => import('../features/trips/TripCarryPage.js'), 'TripCarryPage');
const Calendar = page(() => import('../features/remembrance/CalendarPage.js'), 'CalendarPage');
const Inbox = page(() => import('../features/remembrance/InboxPage.js'), 'InboxPage');
const ReminderSettings = page(
  () => import('../features/remembrance/ReminderSettingsPage.js'),
  'ReminderSettingsPage',
);
const Members = page(() => import('../features/family/MembersPage.js'), 'MembersPage');
const FamilyData = page(() => import('../features/family-data/DataPage.js'), 'DataPage');
const Join = page(() => import('../features/family/JoinPage.js'), 'JoinPage');
const Supporters = page(() => import('../features/supporters/SupportersPage.js'), 'SupportersPage');
const NotFound = page(() => import('./NotFoundPage.js'), 'NotFoundPage');
const ChildMode = page(() => import('../features/children/ChildModePage.js'), 'ChildModePage');
const Places = page(() => import('../features/places/PlacesPage.js'), 'PlacesPage');
const MemoryBox = page(() => import('../features/memory-box/MemoryBoxPage.js'), 'MemoryBoxPage');
const Journal = page(() => import('../features/journal/JournalPage.js'), 'JournalPage');
const WriteEntry = page(() => import('../features/journal/WriteEntryPage.js'), 'WriteEntryPage');
const AcrossYearsDays = page(() => import('../features/journal/AcrossYearsPage.js'), 'AcrossYearsDaysPage');
const AcrossYears = page(() => import('../features/journal/AcrossYearsPage.js'), 'AcrossYearsPage');
const Tributes = page(() => import('../features/tributes/TributesPage.js'), 'TributesPage');
const Tribute = page(() => import('../features/tributes/TributePage.js'), 'TributePage');

export function App() {
  const client = useQueryClient();
  const session = useSession();

  useEffect(() => {
    // After any 401 the app shows the sign-in page and forgets what it held for the family.
    setSignedOutHandler(() => {
      void forgetOfflineCopy();
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
      rememberSession(client, null);
    });
  }, [client]);

  // Changes kept on this device while there was no signal go out now, and whenever signal returns.
  const signedIn = Boolean(session.data);
  useEffect(() => {
    if (!signedIn) return;
    let stop: (() => void) | undefined;
    let live = true;
    void import('../lib/outbox-sync.js').then(({ startOutbox }) => {
      if (live) stop = startOutbox(client);
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [client, signedIn]);

  // Changes made on the family's other phones show here without reloading (lib/live.ts); a new
  // stream when the session moves to another family.
  const familyId = session.data?.family.id;
  useEffect(() => {
    if (!familyId) return;
    let stop: (() => void) | undefined;
    let live = true;
    void import('../lib/live.js').then(({ startLive }) => {
      if (live) stop = startLive(client);
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [client, familyId]);

  useEffect(() => {
    // The first time the service worker takes charge of this page, ask again for what is on screen,
    // so those answers pass through it and stay readable offline.
    const worker = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
    if (!worker) return;
    const refresh = () => void client.invalidateQueries();
    worker.addEventListener('controllerchange', refresh);
    return () => worker.removeEventListener('controllerchange', refresh);
  }, [client]);

  useEffect(() => {
    // Signing in or up answers with the session itself, so it never passed through the service
    // worker: fetch it once through it, so the app can start with no signal (see vite.config.ts).
    const worker = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
    if (!signedIn || !worker) return;
    const keepSession = () => {
      if (!worker.controller) return;
      void fetch('/api/session', {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      }).catch(() => undefined);
    };
    keepSession();
    worker.addEventListener('controllerchange', keepSession);
    return () => worker.removeEventListener('controllerchange', keepSession);
  }, [signedIn]);

  if (session.isPending) {
    return (
      <PlainLayout>
        <Loading label="Opening Alongside…" />
      </PlainLayout>
    );
  }
  // A phone handed to a child (child mode): the session refuses the grown-ups' app, so the app shows
  // child mode's own view at every address (the server refuses the rest anyway).
  if (isApiError(session.error) && session.error.status === 403 && session.error.code === 'forbidden') {
    return (
      <PlainLayout>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<ChildMode />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </PlainLayout>
    );
  }
  // A session read before stays in use if asking again fails (no signal, say).
  if (session.isError && session.data === undefined) {
    return (
      <PlainLayout>
        <LoadError error={session.error} what="Alongside" onRetry={() => void session.refetch()} />
      </PlainLayout>
    );
  }

  if (!session.data) {
    return (
      <PlainLayout>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Welcome />} />
            <Route path="/sign-up" element={<SignUp />} />
            <Route path="/sign-in" element={<SignIn />} />
            <Route path="/join" element={<Join />} />
            {accountLinkRoutes}
            {supporterLinkRoutes}
            <Route path="*" element={<ToSignIn />} />
          </Routes>
        </Suspense>
      </PlainLayout>
    );
  }

  return (
    <SessionContext.Provider value={session.data}>
      <Layout>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/sign-in" element={<BackFromSignIn />} />
            <Route path="/sign-up" element={<Navigate to="/" replace />} />
            <Route path="/loved-ones" element={<LovedOnes />} />
            <Route path="/loved-ones/new" element={<LovedOneForm />} />
            <Route path="/loved-ones/:lovedOneId" element={<LovedOne />} />
            <Route path="/loved-ones/:lovedOneId/edit" element={<LovedOneForm />} />
            <Route path="/loved-ones/:lovedOneId/keepsakes/new" element={<KeepsakeForm />} />
            <Route path="/loved-ones/:lovedOneId/keepsakes/:keepsakeId/edit" element={<KeepsakeForm />} />
            <Route path="/loved-ones/:lovedOneId/places" element={<Places />} />
            <Route path="/loved-ones/:lovedOneId/memory-box" element={<MemoryBox />} />
            <Route path="/loved-ones/:lovedOneId/journal" element={<Journal />} />
            <Route path="/loved-ones/:lovedOneId/journal/new" element={<WriteEntry />} />
            <Route path="/loved-ones/:lovedOneId/journal/:entryId/edit" element={<WriteEntry />} />
            <Route path="/loved-ones/:lovedOneId/across-years" element={<AcrossYearsDays />} />
            <Route path="/loved-ones/:lovedOneId/across-years/:dayId" element={<AcrossYears />} />
            <Route path="/loved-ones/:lovedOneId/tributes" element={<Tributes />} />
            <Route path="/tributes/:tributeId" element={<Tribute />} />
            <Route path="/trips" element={<Trips />} />
            <Route path="/trips/new" element={<TripForm />} />
            <Route path="/trips/:tripId" element={<Trip />} />
            <Route path="/trips/:tripId/edit" element={<TripForm />} />
            <Route path="/trips/:tripId/checklist" element={<TripChecklist />} />
            <Route path="/trips/:tripId/people" element={<TripPeople />} />
            <Route path="/trips/:tripId/carry" element={<TripCarry />} />
            <Route path="/trips/:tripId/legs/new" element={<LegForm />} />
            <Route path="/trips/:tripId/legs/:legId/edit" element={<LegForm />} />
            <Route path="/calendar" element={<Calendar />} />
            <Route path="/reminders" element={<Inbox />} />
            <Route path="/settings" element={<Settings />} />
            <Route path="/settings/reminders" element={<ReminderSettings />} />
            <Route path="/settings/data" element={<FamilyData />} />
            <Route path="/family" element={<Members />} />
            <Route path="/supporters" element={<Supporters />} />
            <Route path="/join" element={<Join />} />
            {accountLinkRoutes}
            {supporterLinkRoutes}
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </Layout>
    </SessionContext.Provider>
  );
}

/**
 * Just signed in: back to the page that asked for it. The session arriving shows this tree at
 * /sign-in before the sign-in page's own navigation runs, so this is where the way back is kept.
 */
function BackFromSignIn() {
  const location = useLocation();
  return <Navigate to={returnPathOf(location.state) ?? '/'} replace />;
}

/**
 * Signed out on a page that needs a family: sign in first, then come back here. Right after signing
 * out on purpose, the welcome page instead.
 */
function ToSignIn() {
  const location = useLocation();
  const [welcome] = useState(takeSignedOutOnPurpose);
  if (welcome) return <Navigate to="/" replace />;
  return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
}
