#!/usr/bin/env python3
"""Writes the bundled photos: public/photos/*.jpg, photos.json and LICENSES.md.

Run with Debian's Python, which has python3-skimage (scikit-image 0.19) and
python3-pil:

    /usr/bin/python3 scripts/make-photos.py

Only samples that scikit-image lists as public domain or CC0 are used (see the
docstrings of skimage/data/_fetchers.py). Each one is scaled with Lanczos
resampling so its long side is at most MAX_SIDE pixels and saved as a
baseline JPEG (4:2:0, quality QUALITY), which keeps the four photos at about
a hundred and fifty kilobytes together. The output is deterministic: running
the script again writes the same bytes.
"""
import json
import os
import sys

from PIL import Image
import skimage
import skimage.data

MAX_SIDE = 512
QUALITY = 88
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'public', 'photos')
SKIMAGE_DATA = 'https://github.com/scikit-image/scikit-image/tree/v0.19.3/skimage/data'

# id, scikit-image loader, titles, licence, author, where the photo comes from.
PHOTOS = [
    {
        'id': 'cat',
        'load': skimage.data.chelsea,
        'title': {'en': 'Chelsea the cat', 'zh': '小猫切尔西'},
        'licence': 'CC0-1.0',
        'author': 'Stéfan van der Walt',
        'source': f'{SKIMAGE_DATA}/chelsea.png',
    },
    {
        'id': 'coffee',
        'load': skimage.data.coffee,
        'title': {'en': 'A cup of coffee', 'zh': '一杯咖啡'},
        'licence': 'CC0-1.0',
        'author': 'Rachel Michetti (courtesy of Pikolo Espresso Bar)',
        'source': f'{SKIMAGE_DATA}/coffee.png',
    },
    {
        'id': 'astronaut',
        'load': skimage.data.astronaut,
        'title': {'en': 'Astronaut Eileen Collins', 'zh': '宇航员艾琳·柯林斯'},
        'licence': 'Public domain',
        'author': 'NASA',
        'source': 'https://flic.kr/p/r9qvLn',
    },
    {
        'id': 'rocket',
        'load': skimage.data.rocket,
        'title': {'en': 'Falcon 9 launching DSCOVR', 'zh': '猎鹰9号火箭发射DSCOVR卫星'},
        'licence': 'Public domain',
        'author': 'SpaceX',
        'source': 'https://www.flickr.com/photos/spacexphotos/16511594820/',
    },
]


def scaled(pixels):
    image = Image.fromarray(pixels).convert('RGB')
    w, h = image.size
    factor = min(1.0, MAX_SIDE / max(w, h))
    size = (max(1, round(w * factor)), max(1, round(h * factor)))
    return image if size == image.size else image.resize(size, Image.LANCZOS)


def main():
    os.makedirs(OUT, exist_ok=True)
    manifest = []
    total = 0
    for photo in PHOTOS:
        image = scaled(photo['load']())
        file = f"{photo['id']}.jpg"
        path = os.path.join(OUT, file)
        image.save(path, 'JPEG', quality=QUALITY, optimize=True, progressive=False, subsampling='4:2:0')
        total += os.path.getsize(path)
        manifest.append({
            'id': photo['id'],
            'file': file,
            'width': image.size[0],
            'height': image.size[1],
            'title': photo['title'],
            'licence': photo['licence'],
            'author': photo['author'],
            'source': photo['source'],
        })
    with open(os.path.join(OUT, 'photos.json'), 'w', encoding='utf-8') as f:
        json.dump({'version': 1, 'photos': manifest}, f, ensure_ascii=False, indent=2)
        f.write('\n')
    lines = [
        '# Bundled photos',
        '',
        'Sample photos of scikit-image ' + skimage.__version__ + ', whose documentation marks them as public domain or',
        'CC0 (`skimage/data/_fetchers.py`). Each was scaled to at most ' + str(MAX_SIDE) + ' px on its long side and',
        'saved as JPEG by `scripts/make-photos.py`; nothing else was changed.',
        '',
    ]
    for p in manifest:
        lines += [
            f"- `{p['file']}`: {p['title']['en']} ({p['width']}×{p['height']} px)",
            f"  - licence: {p['licence']}",
            f"  - author: {p['author']}",
            f"  - source: <{p['source']}>",
        ]
    lines += [
        '',
        'CC0-1.0: Creative Commons Zero 1.0 Universal public domain dedication,',
        '<https://creativecommons.org/publicdomain/zero/1.0/>. The NASA and SpaceX photos were released into',
        'the public domain by their owners (NASA\'s media guidelines; SpaceX\'s 2015 release of its photos).',
        '',
    ]
    with open(os.path.join(OUT, 'LICENSES.md'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines))
    print(f'{len(manifest)} photos, {total} bytes', file=sys.stderr)


if __name__ == '__main__':
    main()
