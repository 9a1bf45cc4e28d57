import type { Prng } from './prng';

/**
 * Invented English-sounding place names (no real practice or ICB is named), put together from
 * common parts of place names, and the names practices and providers usually go by.
 */
const STARTS = ['Ash', 'Brook', 'Elm', 'Hazel', 'Kings', 'Marsh', 'Oak', 'Stan', 'Thorn', 'Wil', 'Bram', 'Calder', 'Dun', 'Fern', 'Gold', 'Holm', 'Lang', 'Mill', 'North', 'Red', 'Salt', 'South', 'Upper', 'West', 'Whit', 'Ald', 'Bex', 'Cor', 'Dray', 'Eas', 'Farn', 'Glen', 'Har', 'Ivy', 'Kel', 'Lyn', 'Mor', 'Nether', 'Or', 'Pen', 'Quarry', 'Ros', 'Sef', 'Tad', 'Ul', 'Wold', 'Yar', 'Birch', 'Cam', 'Hart'];
const ENDS = ['ford', 'ton', 'ley', 'bury', 'field', 'wick', 'ham', 'stead', 'combe', 'dale', 'mouth', 'worth', 'by', 'thorpe', 'bridge', 'well', 'den', 'hurst', 'moor', 'gate', 'minster', 'borough', 'hill', 'side'];
const PRACTICE_STYLES = ['Surgery', 'Medical Practice', 'Health Centre', 'Medical Centre', 'Family Practice', 'Group Practice'];
const PRACTICE_PREFIXES = ['', '', '', 'The ', 'Old Road ', 'Church Lane ', 'Park View ', 'Riverside ', 'Market Street ', 'Station Road ', 'Castle ', 'Green Lane '];
const COMPANIES = ['CareCorp Ltd', 'Primary Health Partners Ltd', 'Greenfield Primary Care Ltd', 'Medicus Community Care Ltd', 'Clearwater Primary Care Ltd', 'Northgate Health Services Ltd', 'Summit GP Services Ltd', 'Beacon Medical Group Ltd', 'Harbour Healthcare Ltd', 'Lakeside Clinical Services Ltd', 'Pinnacle Primary Care Ltd', 'Kestrel Health Ltd'];

/** Hands out unique place names: the same seed gives the same names in the same order. */
export class PlaceNames {
  private readonly used = new Set<string>();

  constructor(private readonly prng: Prng) {}

  next(): string {
    for (let attempt = 0; ; attempt++) {
      const name = `${this.prng.pick(STARTS)}${this.prng.pick(ENDS)}`;
      const unique = attempt < 20 ? name : `${name} ${['Green', 'Vale', 'Cross', 'End', 'Park'][attempt % 5]}${attempt > 40 ? ` ${attempt}` : ''}`;
      if (!this.used.has(unique)) {
        this.used.add(unique);
        return unique;
      }
    }
  }
}

export const practiceName = (prng: Prng, place: string): string => `${prng.pick(PRACTICE_PREFIXES)}${place} ${prng.pick(PRACTICE_STYLES)}`;

export const federationName = (prng: Prng, place: string): string => `${place} ${prng.pick(['GP Federation', 'Primary Care Network', 'Health Federation', 'GP Alliance'])}`;

export const companyName = (index: number): string => COMPANIES[index % COMPANIES.length]! + (index >= COMPANIES.length ? ` ${Math.floor(index / COMPANIES.length) + 1}` : '');

/** A person's name for decision makers and evaluators. */
const FIRST = ['Ada', 'Ben', 'Chloe', 'Dev', 'Esther', 'Farid', 'Grace', 'Hamza', 'Imogen', 'Jonah', 'Kiran', 'Leah', 'Marcus', 'Nadia', 'Owen', 'Priya', 'Rhys', 'Sana', 'Tom', 'Una'];
const LAST = ['Okafor', 'Shah', 'Patel', 'Jones', 'Williams', 'Hughes', 'Khan', 'Evans', 'Clarke', 'Begum', 'Murphy', 'Walsh', 'Ahmed', 'Taylor', 'Price', 'Singh'];
export const personName = (prng: Prng): string => `${prng.pick(FIRST)} ${prng.pick(LAST)}`;
