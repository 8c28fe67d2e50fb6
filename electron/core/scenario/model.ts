/**
 * The scenario after validation and normalisation: every default filled in, every Graph oddity (casing,
 * JSON-in-a-string, nulls, OData keys) resolved. The engine reads only this shape.
 *
 * Nothing here is written by hand: each type names a part of the output of ScenarioSchema (schema.ts), the one
 * definition of the format (shared/spec/scenario-and-cli.md §1), so the model and its validation cannot drift.
 */
import type { z } from 'zod';
import type { ScenarioSchema } from './schema';

export type { AppIntent, AppKind, Assignment, ReturnCodeType } from './schema';

/** A whole scenario, as the engine reads it. */
export type Scenario = z.output<typeof ScenarioSchema>;

type Tenant = Scenario['tenant'];
type Simulation = Scenario['simulation'];

export type Device = Scenario['device'];
export type User = Scenario['users'][number];
export type EspProfile = Tenant['espProfiles'][number];
export type App = Tenant['apps'][number];
export type AssignmentFilter = Tenant['assignmentFilters'][number];
export type AssignmentTarget = App['assignments'][number]['target'];

export type PolicyKind = Tenant['policies'][number]['kind'];
export type CertificateKind = Tenant['certificateProfiles'][number]['kind'];
export type NetworkKind = Tenant['networkProfiles'][number]['kind'];

/** A policy, certificate or network profile the ESP may track, by its kind. */
export type TrackedResource<K extends string = string> = Omit<Tenant['policies'][number], 'kind'> & { kind: K };

export type AppBehaviour = Simulation['apps'][string];
export type ResourceBehaviour = Simulation['resources'][string];
export type Fault = Simulation['faults'][number];
