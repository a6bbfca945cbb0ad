import type { Random } from './random';

const firstNames = [
  'Anna',
  'Lukas',
  'Lea',
  'Leon',
  'Hannah',
  'Finn',
  'Mia',
  'Jonas',
  'Emma',
  'Paul',
  'Sophie',
  'Elias',
  'Marie',
  'Noah',
  'Lena',
  'Ben',
  'Laura',
  'Felix',
  'Julia',
  'Maximilian',
  'Katharina',
  'Tobias',
  'Sarah',
  'Florian',
  'Johanna',
  'Moritz',
  'Clara',
  'Niklas',
  'Amelie',
  'Jan',
  'Ayşe',
  'Mehmet',
  'Zeynep',
  'Can',
  'Olga',
  'Piotr',
  'Agnieszka',
  'Luca',
  'Giulia',
  'Dimitrios',
  'Sven',
  'Birgit',
  'Ursula',
  'Klaus',
  'Heike',
  'Jürgen',
  'Renate',
  'Wolfgang',
  'Sabine',
  'Thomas',
  'Petra',
  'Andreas',
  'Monika',
  'Stefan',
  'Gabriele',
  'Michael',
  'Yasemin',
  'Ole',
] as const;
const lastNames = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Schmitz',
  'Krause',
  'Meier',
  'Lehmann',
  'Schmid',
  'Schulze',
  'Maier',
  'Köhler',
  'Herrmann',
  'König',
  'Walter',
  'Mayer',
  'Huber',
  'Kaiser',
  'Fuchs',
  'Peters',
  'Lang',
  'Scholz',
  'Möller',
  'Weiß',
  'Jung',
  'Hahn',
  'Yılmaz',
  'Kaya',
  'Nowak',
  'Kowalski',
  'Rossi',
  'Papadopoulos',
  'Jansen',
  'Friedrich',
  'Vogt',
  'Brandt',
  'Haas',
  'Sommer',
  'Graf',
  'Dietrich',
] as const;
const streets = [
  'Hauptstraße',
  'Schulstraße',
  'Gartenstraße',
  'Bahnhofstraße',
  'Dorfstraße',
  'Bergstraße',
  'Birkenweg',
  'Lindenstraße',
  'Kirchstraße',
  'Waldstraße',
  'Ringstraße',
  'Schillerstraße',
  'Goethestraße',
  'Am Markt',
] as const;
const cities = [
  ['10115', 'Berlin'],
  ['10999', 'Berlin'],
  ['20095', 'Hamburg'],
  ['80331', 'München'],
  ['50667', 'Köln'],
  ['60311', 'Frankfurt am Main'],
  ['70173', 'Stuttgart'],
  ['40213', 'Düsseldorf'],
  ['04109', 'Leipzig'],
  ['44135', 'Dortmund'],
  ['45127', 'Essen'],
  ['28195', 'Bremen'],
  ['01067', 'Dresden'],
  ['30159', 'Hannover'],
  ['90402', 'Nürnberg'],
  ['14467', 'Potsdam'],
  ['24103', 'Kiel'],
  ['55116', 'Mainz'],
  ['99084', 'Erfurt'],
] as const;
const mailDomains = ['web.de', 'gmx.de', 't-online.de', 'gmail.com', 'posteo.de', 'outlook.de', 'mailbox.org', 'uni-hamburg.de'] as const;

const ascii = (text: string) =>
  text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z]/g, '');

export interface Person {
  name: string;
  email: string;
  address: string;
}

export function person(random: Random, serial: number): Person {
  const first = random.pick(firstNames);
  const last = random.pick(lastNames);
  const [zip, city] = random.pick(cities);
  const style = random.int(0, 2);
  const local =
    style === 0
      ? `${ascii(first)}.${ascii(last)}`
      : style === 1
        ? `${ascii(first)[0]}${ascii(last)}`
        : `${ascii(first)}${ascii(last)}${serial % 97}`;
  return {
    name: `${first} ${last}`,
    // The serial keeps addresses unique at any scale, as a real user base's are.
    email: `${local}${serial > 2000 ? `.${serial}` : ''}@${random.pick(mailDomains)}`,
    address: `${random.pick(streets)} ${random.int(1, 120)}, ${zip} ${city}`,
  };
}
