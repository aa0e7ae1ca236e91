import sharp from 'sharp';
import type { Client } from './app.js';

// Test photos made on the spot, with the metadata a phone adds: where it was taken (GPS in EXIF,
// a location in XMP), the camera, and an orientation. Nothing of these may survive an upload.

/** An XMP packet naming a place, as photo apps write it (Photoshop's City, exif:GPS…). */
const XMP_WITH_LOCATION = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:exif="http://ns.adobe.com/exif/1.0/"
 photoshop:City="Madrid" photoshop:Country="Spain" exif:GPSLatitude="40,25.0N" exif:GPSLongitude="3,42.0W"/>
</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** EXIF as sharp writes it: the camera (IFD0), and where (the GPS IFD, IFD3). */
const EXIF_WITH_GPS = {
  IFD0: { Make: 'Apple', Model: 'iPhone 15', Software: '17.5' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '40/1 25/1 0/1',
    GPSLongitudeRef: 'W',
    GPSLongitude: '3/1 42/1 0/1',
  },
};

const picture = (width: number, height: number, alpha = false) =>
  sharp({
    create: {
      width,
      height,
      channels: alpha ? 4 : 3,
      background: alpha ? { r: 40, g: 90, b: 160, alpha: 0.5 } : { r: 200, g: 160, b: 90 },
    },
  });

export const jpegWithGps = (width = 640, height = 480) =>
  picture(width, height).withExif(EXIF_WITH_GPS).jpeg().toBuffer();

export const webpWithGps = (width = 640, height = 480) =>
  picture(width, height).withExif(EXIF_WITH_GPS).webp().toBuffer();

export const pngWithXmpLocation = (width = 640, height = 480) =>
  picture(width, height, true).withXmp(XMP_WITH_LOCATION).png().toBuffer();

/** Uploads a photo as the member of `client`; answers the response. */
export const uploadPhoto = (client: Client, photo: Buffer, contentType = 'image/jpeg') =>
  client.request({
    method: 'POST',
    url: '/api/media',
    payload: photo,
    headers: { 'content-type': contentType },
  });
